namespace Fedmd.Metadata.Values;

/// <summary>A SAML entityID: an absolute URI of at most 1024 characters with no white space.</summary>
public sealed record EntityId
{
    /// <summary>The longest entityID SAML 2.0 allows.</summary>
    public const int MaxLength = 1024;

    private EntityId(string value) => Value = value;

    /// <summary>The entityID as written in metadata.</summary>
    public string Value { get; }

    /// <summary>Checks and wraps an entityID, or says why it is not one.</summary>
    public static bool TryCreate(string? text, out EntityId? entityId, out string? problem)
    {
        entityId = null;
        problem = text switch
        {
            null or "" => "the entityID is missing or empty",
            { Length: > MaxLength } => $"the entityID is {text.Length} characters, over the limit of {MaxLength}",
            _ when text.Any(char.IsWhiteSpace) => "the entityID contains white space",
            _ when !Uri.TryCreate(text, UriKind.Absolute, out _) => $"the entityID '{text}' is not an absolute URI",
            _ => null,
        };
        if (problem is null)
        {
            entityId = new EntityId(text!);
        }

        return problem is null;
    }

    /// <inheritdoc />
    public override string ToString() => Value;
}

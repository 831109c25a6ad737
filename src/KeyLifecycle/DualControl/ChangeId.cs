using System.Security.Cryptography;
using System.Text;

namespace Fedmd.KeyLifecycle.DualControl;

/// <summary>
/// Names one key operation that needs approvals, e.g. <c>saml-activate-3f9a1c2b7d04</c>: the operation, then the
/// first 12 hex digits of SHA-256 over the facts that make it that change (entity, certificates, state). The same
/// facts always give the same id, so an approval for one change never approves another.
/// </summary>
public readonly record struct ChangeId
{
    private ChangeId(string value) => Value = value;

    /// <summary>The id as printed and as <c>fedmd approve</c> takes it.</summary>
    public string Value { get; }

    /// <summary>The id of <paramref name="operation"/> (lower-case letters and hyphens) over <paramref name="facts"/>.</summary>
    public static ChangeId For(string operation, params string[] facts)
    {
        ArgumentException.ThrowIfNullOrEmpty(operation);
        if (!operation.All(c => c is '-' or >= 'a' and <= 'z'))
        {
            throw new ArgumentException("an operation is lower-case letters and hyphens", nameof(operation));
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', [operation, .. facts])));
        return new ChangeId($"{operation}-{Convert.ToHexStringLower(digest)[..12]}");
    }

    /// <summary>Parses an id typed by an operator; null when it is not of the printed shape.</summary>
    public static ChangeId? TryParse(string? text)
    {
        if (text is null || text.Length < 14 || text[^13] != '-')
        {
            return null;
        }

        var operation = text[..^13];
        var hex = text[^12..];
        return operation.All(c => c is '-' or >= 'a' and <= 'z') && hex.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f')
            ? new ChangeId(text)
            : null;
    }

    /// <inheritdoc />
    public override string ToString() => Value;
}

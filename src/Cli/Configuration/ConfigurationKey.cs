namespace Fedmd.Cli.Configuration;

/// <summary>
/// A configuration key as messages name it and as <see cref="FedmdOptionsValidator.KeyOf"/> does: sections joined by
/// <c>:</c>, list items as <c>[n]</c> (<c>Feeds[1]:EntityAttributes</c>), each name spelled as the user wrote it.
/// </summary>
internal sealed record ConfigurationKey
{
    private ConfigurationKey(string text) => Text = text;

    /// <summary>The key above every section.</summary>
    public static ConfigurationKey Root { get; } = new(string.Empty);

    /// <summary>The key's text, e.g. <c>Publish:Mirrors[0]:Url</c>.</summary>
    public string Text { get; }

    /// <summary>The key <paramref name="name"/> inside this one.</summary>
    public ConfigurationKey Named(string name) => new(Text.Length == 0 ? name : $"{Text}:{name}");

    /// <summary>Item <paramref name="index"/> of the list at this key.</summary>
    public ConfigurationKey Indexed(int index) => new($"{Text}[{index}]");

    /// <summary>Whether this key is <paramref name="key"/> (in <see cref="Text"/>'s form) or lies inside it, ignoring case as the binder does.</summary>
    public bool IsWithin(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Text.StartsWith(key, StringComparison.OrdinalIgnoreCase)
            && (Text.Length == key.Length || Text[key.Length] is ':' or '[');
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}

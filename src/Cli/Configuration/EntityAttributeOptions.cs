namespace Fedmd.Cli.Configuration;

/// <summary>An entity attribute a feed selects by: its name and one value.</summary>
internal sealed class EntityAttributeOptions
{
    /// <summary>The attribute name, e.g. <c>http://macedir.org/entity-category</c>.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The value, e.g. <c>http://fedmd.example.ac.za/category/idp-proxy</c>.</summary>
    public string Value { get; set; } = string.Empty;
}

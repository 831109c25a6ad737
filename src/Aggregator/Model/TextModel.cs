namespace Fedmd.Aggregator.Model;

/// <summary>The text of one element, where it sits and its language.</summary>
/// <param name="Path">Slash-separated local names from the entity root, e.g. <c>IDPSSODescriptor/Extensions/UIInfo/DisplayName</c>.</param>
/// <param name="Lang">The <c>xml:lang</c> attribute, or null when absent.</param>
/// <param name="Value">The text as written.</param>
/// <param name="SiblingGroup">Identifies the parent element, so that same-named siblings can be compared.</param>
public sealed record TextModel(string Path, string? Lang, string Value, int SiblingGroup)
{
    /// <summary>The element's local name.</summary>
    public string Element => Path[(Path.LastIndexOf('/') + 1)..];
}

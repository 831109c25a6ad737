namespace Fedmd.Aggregator.Model;

/// <summary>One endpoint URL: <c>Location</c> or <c>ResponseLocation</c> of an endpoint element.</summary>
/// <param name="Element">The endpoint element's local name, e.g. <c>SingleSignOnService</c>.</param>
/// <param name="Attribute"><c>Location</c> or <c>ResponseLocation</c>.</param>
/// <param name="Url">The attribute's value as written.</param>
/// <param name="Index">The endpoint's <c>index</c> attribute as written, or null when it has none.</param>
public sealed record EndpointModel(string Element, string Attribute, string Url, string? Index = null);

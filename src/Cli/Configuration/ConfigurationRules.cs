using Fedmd.Metadata.Values;

namespace Fedmd.Cli.Configuration;

/// <summary>Small predicates the section validators share.</summary>
internal static class ConfigurationRules
{
    /// <summary>An absolute http, https or urn URI.</summary>
    public static bool IsAbsoluteUri(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "urn";

    /// <summary>A plain file name ending in <c>.xml</c>, no directory part.</summary>
    public static bool IsPlainXmlFileName(string? name) =>
        name is not null && name.EndsWith(".xml", StringComparison.Ordinal) && name == Path.GetFileName(name) && !name.StartsWith('.');

    /// <summary>A SAML entityID.</summary>
    public static bool IsEntityId(string? text) => EntityId.TryCreate(text, out _, out _);

    /// <summary>A positive xs:duration.</summary>
    public static bool IsDuration(string? text) => XsDuration.IsValid(text);
}

namespace Fedmd.Aggregator.Model;

/// <summary>One <c>shibmd:Scope</c>.</summary>
/// <param name="Value">The scope text as written.</param>
/// <param name="Regexp">The <c>regexp</c> attribute as written, or null when it is missing.</param>
public sealed record ScopeModel(string Value, string? Regexp)
{
    /// <summary>Whether the scope is a regular expression.</summary>
    public bool IsRegexp => Regexp is "true" or "1";
}

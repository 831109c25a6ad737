using System.Text.RegularExpressions;

namespace Fedmd.Aggregator.Rules;

/// <summary>What makes a regular-expression scope safe: anchored, and ending in a literal domain no one else can own.</summary>
internal static partial class ScopeRegexps
{
    /// <summary>Why the regular expression <paramref name="value"/> is unsafe, or null when it is safe.</summary>
    public static string? Problem(string value) =>
        !value.StartsWith('^') || !value.EndsWith('$') ? "is a regular expression that is not anchored with ^ and $"
        : !LiteralDomainEnd().IsMatch(value) ? "is a regular expression that does not end in a literal domain such as \\.example\\.ac\\.za$"
        : null;

    // Ends in at least two escaped-dot-separated literal labels: \.example\.ac\.za$ (or (.+\.)?example\.ac\.za$).
    [GeneratedRegex(@"[a-z0-9-]+(\\\.[a-z0-9-]+)+\$$")]
    private static partial Regex LiteralDomainEnd();
}

using System.Collections;

namespace Fedmd.Cli.Configuration;

/// <summary>
/// One <c>FEDMD__Section__Key</c> environment variable: its name as set, the key it names (<c>__</c> separates the
/// parts, as the environment-variables configuration provider reads them) and its value.
/// </summary>
internal sealed record EnvironmentOverride(string Variable, IReadOnlyList<string> Parts, string Value)
{
    /// <summary>The prefix that marks a variable as a configuration override, matched ignoring case.</summary>
    public const string Prefix = "FEDMD__";

    /// <summary>The binder's form of the key, <c>Feeds:0:Name</c>.</summary>
    public string BinderKey => string.Join(':', Parts);

    /// <summary>The overrides among <paramref name="environment"/>, ordered by name so that the result never depends on the platform's order.</summary>
    public static IReadOnlyList<EnvironmentOverride> From(IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.Cast<DictionaryEntry>()
            .Select(entry => (name: entry.Key as string ?? string.Empty, value: entry.Value as string ?? string.Empty))
            .Where(entry => entry.name.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            .OrderBy(entry => entry.name, StringComparer.Ordinal)
            .Select(entry => new EnvironmentOverride(entry.name, entry.name[Prefix.Length..].Split("__"), entry.value))
            .ToList();
    }
}

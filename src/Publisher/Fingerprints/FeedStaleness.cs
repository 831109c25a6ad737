namespace Fedmd.Publisher.Fingerprints;

/// <summary>Why a listed feed is an older publication than the page: a guard rail refused this pass's version.</summary>
/// <param name="Since">When the served publication was made, or null when the history does not say.</param>
/// <param name="Refusal">The guard rails' reasons.</param>
public sealed record FeedStaleness(DateTimeOffset? Since, string Refusal)
{
    /// <summary>One line for people: since when, and why.</summary>
    public string Describe() =>
        (Since is { } since ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"stale since {since:u}") : "stale") + $": this pass was refused ({Refusal})";
}

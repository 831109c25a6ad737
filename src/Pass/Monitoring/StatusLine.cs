namespace Fedmd.Pass.Monitoring;

/// <summary>One check's result.</summary>
/// <param name="Check">What was checked: <c>feed</c>, <c>certificate</c>, <c>hsm</c>, <c>pin-latch</c>, <c>audit</c>, <c>last-pass</c>.</param>
/// <param name="Subject">What it was checked on, e.g. <c>federation-metadata.xml@local</c>, or the check's own name.</param>
/// <param name="Level">The verdict.</param>
/// <param name="Summary">One line for people: what was found and, when not OK, what to do.</param>
public sealed record StatusLine(string Check, string Subject, StatusLevel Level, string Summary)
{
    /// <summary>Measured values, for performance data and the JSON report.</summary>
    public IReadOnlyList<StatusValue> Values { get; init; } = [];

    /// <summary>Facts that are not numbers (validUntil, creationInstant, URL), for the JSON report.</summary>
    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();
}

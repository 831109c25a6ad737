namespace Fedmd.Pass.Monitoring;

/// <summary>Every check's result at one moment.</summary>
/// <param name="CheckedAt">When the checks ran.</param>
/// <param name="Lines">Each check's line, in the order they ran.</param>
public sealed record StatusReport(DateTimeOffset CheckedAt, IReadOnlyList<StatusLine> Lines)
{
    /// <summary>
    /// The worst line's level: critical, then warning, then unknown, then OK (as monitoring plugins that aggregate
    /// several checks rank them: a known problem outranks a check that could not be made).
    /// </summary>
    public StatusLevel Level => Lines.Count == 0 ? StatusLevel.Unknown : Lines.Select(l => l.Level).MaxBy(Rank);

    private static int Rank(StatusLevel level) => level switch
    {
        StatusLevel.Critical => 3,
        StatusLevel.Warning => 2,
        StatusLevel.Unknown => 1,
        _ => 0,
    };
}

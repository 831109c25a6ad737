using Fedmd.Aggregator.Reporting;

namespace Fedmd.Pass.State;

/// <summary>
/// Which report a pass compares with. The state's copy is out of reach of whoever can write the web root; the copy
/// beside the feeds is read only when the state has none yet (a new or moved installation). A pass compares feeds
/// (counts, each entity's hash), never the previous entities' findings: <see cref="ReportJson"/> reads past them, and
/// any a store still returns are dropped, since for a large registry they are most of the report and the pass keeps
/// the baseline to its end.
/// </summary>
public static class PassBaseline
{
    /// <summary>The state's baseline, else the report published in <paramref name="publishDirectory"/>, else null.</summary>
    public static RunReport? Read(IBaselineStore store, string publishDirectory)
    {
        ArgumentNullException.ThrowIfNull(store);
        return (store.Read() ?? ReportJson.ReadPrevious(publishDirectory)) is { } report ? report with { Entities = [] } : null;
    }
}

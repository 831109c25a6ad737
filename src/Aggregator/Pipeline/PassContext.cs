using Fedmd.Aggregator.Ledger;
using Fedmd.Aggregator.Reporting;

namespace Fedmd.Aggregator.Pipeline;

/// <summary>
/// The facts of one pass that the stages and rules read: the pipeline is built once per process and reused by every
/// pass, so nothing that changes from one pass to the next may be captured when it is built.
/// </summary>
/// <param name="Now">The pass's moment, from the one clock the host passes down; every timestamp of the pass is it.</param>
/// <param name="Ledger">First-seen registration instants as the pass found them.</param>
/// <param name="Previous">The last published report (the drop guard's baseline and the report's comparison), if any.</param>
public sealed record PassContext(DateTimeOffset Now, RegistrationLedger Ledger, RunReport? Previous = null)
{
    /// <summary>Where the pass keeps its entities' bytes; null keeps them in memory (lint, tests).</summary>
    public EntitySpool? Spool { get; init; }

    /// <summary>
    /// A directory of this pass alone, where it writes its feeds before they are published; removed with what it
    /// holds when the pass ends. Null for work that writes no feeds (lint, check).
    /// </summary>
    public string? WorkDirectory { get; init; }

    /// <summary>The work directory; a step that writes files calls this.</summary>
    /// <exception cref="InvalidOperationException">The pass was started without one.</exception>
    public string RequireWorkDirectory() =>
        WorkDirectory ?? throw new InvalidOperationException("this pass has no work directory for its feeds (PassContext.WorkDirectory)");

    /// <summary>A pass at <paramref name="now"/> with an empty ledger and no previous publication (linting, tests).</summary>
    public static PassContext At(DateTimeOffset now) => new(now, RegistrationLedger.Empty);
}

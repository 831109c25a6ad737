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
    /// <summary>A pass at <paramref name="now"/> with an empty ledger and no previous publication (linting, tests).</summary>
    public static PassContext At(DateTimeOffset now) => new(now, RegistrationLedger.Empty);
}

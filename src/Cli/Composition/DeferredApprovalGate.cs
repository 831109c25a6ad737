using Fedmd.KeyLifecycle.DualControl;

namespace Fedmd.Cli.Composition;

/// <summary>
/// A gate built when a change is first checked, so that the steps that need no approval run before
/// <c>Rollover:AllowedSigners</c> is set up, and a missing file is reported only by a step that needs it.
/// </summary>
internal sealed class DeferredApprovalGate(Func<IApprovalGate> create) : IApprovalGate
{
    private readonly Lazy<IApprovalGate> _gate = new(create);

    /// <inheritdoc />
    public ApprovalDecision Check(ChangeId change) => _gate.Value.Check(change);
}

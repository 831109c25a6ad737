namespace Fedmd.KeyLifecycle.DualControl;

/// <summary>
/// The gate of <c>Rollover:DualControl=false</c>, which only the development profile accepts: every change goes
/// ahead, approved by nobody.
/// </summary>
public sealed class UncontrolledGate : IApprovalGate
{
    /// <inheritdoc />
    public ApprovalDecision Check(ChangeId change) => new(true, [], ["dual control is off (Rollover:DualControl=false, development profile only)"]);
}

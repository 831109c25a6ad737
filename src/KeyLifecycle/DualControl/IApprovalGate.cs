namespace Fedmd.KeyLifecycle.DualControl;

/// <summary>Decides whether a dual-controlled change has the approvals it needs at this moment.</summary>
public interface IApprovalGate
{
    /// <summary>Counts the valid approvals of <paramref name="change"/> and records their use when granted.</summary>
    ApprovalDecision Check(ChangeId change);
}

namespace Fedmd.KeyLifecycle.DualControl;

/// <summary>What the gate found for a change.</summary>
/// <param name="Granted">Whether the change may go ahead now.</param>
/// <param name="Principals">The distinct operators whose valid approvals were counted (empty when dual control is off).</param>
/// <param name="Problems">Why approvals were not counted or what is missing, one line each, for the operator.</param>
public sealed record ApprovalDecision(bool Granted, IReadOnlyList<string> Principals, IReadOnlyList<string> Problems);

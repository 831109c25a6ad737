using Fedmd.Cli.Configuration;
using Fedmd.KeyLifecycle.DualControl;

namespace Fedmd.Cli.Composition;

/// <summary>
/// The approval gate until <c>fedmd approve</c> and the SSH-signed approvals are merged: grants only when
/// <c>Rollover:DualControl</c> is false (which the validator accepts in the development profile alone) and refuses
/// every change otherwise, so no dual-controlled step can run unapproved. Interim: the lead replaces it with
/// <c>SshApprovalGate</c>.
/// </summary>
internal sealed class InterimApprovalGate(FedmdOptions options) : IApprovalGate
{
    /// <inheritdoc />
    public ApprovalDecision Check(ChangeId change) =>
        !options.Rollover.DualControl && options.IsDevelopment
            ? new ApprovalDecision(true, [], [])
            : new ApprovalDecision(false, [], [$"no approvals of {change} were found: this build cannot verify approvals yet"]);
}

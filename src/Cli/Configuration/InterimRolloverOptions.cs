namespace Fedmd.Cli.Configuration;

/// <summary>
/// The <c>Rollover</c> section as far as the metadata key rollover needs it before dual control is merged: only
/// <c>Rollover:DualControl</c>. Interim: the lead replaces it with the dual-control branch's <c>Rollover</c> options.
/// </summary>
internal sealed class InterimRolloverOptions
{
    /// <summary>Whether dual-controlled steps need two operators' approvals (default true; false only in the development profile).</summary>
    public bool DualControl { get; set; } = true;
}

namespace Fedmd.Pass.Monitoring;

/// <summary>A check's verdict; the values are the monitoring-plugins exit codes <c>fedmd status --nagios</c> returns.</summary>
public enum StatusLevel
{
    /// <summary>Nothing to do.</summary>
    Ok = 0,

    /// <summary>An outage is coming: act within the day.</summary>
    Warning = 1,

    /// <summary>Participants are, or are about to be, without usable metadata.</summary>
    Critical = 2,

    /// <summary>The check could not be made (e.g. the HSM check without access to the PIN).</summary>
    Unknown = 3,
}

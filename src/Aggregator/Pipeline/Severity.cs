namespace Fedmd.Aggregator.Pipeline;

/// <summary>How serious a finding is: errors exclude the entity (MUST-level), warnings only report (SHOULD-level).</summary>
public enum Severity
{
    /// <summary>Reported; the entity is still published.</summary>
    Warning,

    /// <summary>The entity is excluded from every feed.</summary>
    Error,
}

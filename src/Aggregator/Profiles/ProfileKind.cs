namespace Fedmd.Aggregator.Profiles;

/// <summary>Which entities a profile judges.</summary>
public enum ProfileKind
{
    /// <summary>The federation's own registry: its registration policy, in full.</summary>
    Registration,

    /// <summary>Entities imported from a remote source: safety and syntax, with safe repairs.</summary>
    Import,
}

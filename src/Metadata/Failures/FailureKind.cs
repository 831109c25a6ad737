namespace Fedmd.Metadata.Failures;

/// <summary>What went wrong, as the command line reports it in its exit code.</summary>
public enum FailureKind
{
    /// <summary>The input or document is invalid: verification or validation failed (exit 1).</summary>
    InvalidDocument = 1,

    /// <summary>Usage or configuration error (exit 2).</summary>
    Configuration = 2,

    /// <summary>Infrastructure failure: HSM, disk, network (exit 3).</summary>
    Infrastructure = 3,
}

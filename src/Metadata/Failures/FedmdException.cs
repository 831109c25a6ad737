namespace Fedmd.Metadata.Failures;

/// <summary>
/// A failure the operator must act on. Its message is one line that names the file or setting, the rule and
/// the fix, and never carries a PIN or key material.
/// </summary>
public sealed class FedmdException : Exception
{
    /// <summary>Creates the failure.</summary>
    public FedmdException(FailureKind kind, string message) : base(message)
    {
        Kind = kind;
    }

    /// <summary>Creates the failure with the error that caused it.</summary>
    public FedmdException(FailureKind kind, string message, Exception inner) : base(message, inner)
    {
        Kind = kind;
    }

    /// <summary>Which kind of failure, and so which exit code.</summary>
    public FailureKind Kind { get; }
}

namespace Fedmd.Metadata.Failures;

/// <summary>A document was refused by the safe loader: too large, not well-formed, badly encoded, or declaring a DTD.</summary>
public sealed class UnsafeXmlException : Exception
{
    /// <summary>Creates the exception with the reason and a message that names the problem.</summary>
    public UnsafeXmlException(UnsafeXmlReason reason, string message) : base(message) => Reason = reason;

    /// <summary>Creates the exception with the reason, a message and the parser's error.</summary>
    public UnsafeXmlException(UnsafeXmlReason reason, string message, Exception inner) : base(message, inner) => Reason = reason;

    /// <summary>Why the document was refused, decided where it was refused.</summary>
    public UnsafeXmlReason Reason { get; }
}

namespace Fedmd.Metadata.Failures;

/// <summary>A document was refused by the safe loader: too large, not well-formed, or declaring a DTD.</summary>
public sealed class UnsafeXmlException : Exception
{
    /// <summary>Creates the exception with a message that names the problem.</summary>
    public UnsafeXmlException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the parser's error.</summary>
    public UnsafeXmlException(string message, Exception inner) : base(message, inner)
    {
    }
}

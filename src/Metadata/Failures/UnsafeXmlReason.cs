namespace Fedmd.Metadata.Failures;

/// <summary>Why the safe loader refused a document, so that callers choose a rule without reading the message.</summary>
public enum UnsafeXmlReason
{
    /// <summary>The document is larger than the loader's cap; it was not parsed.</summary>
    TooLarge,

    /// <summary>The document declares a DTD (a DOCTYPE), which is never processed.</summary>
    Dtd,

    /// <summary>The bytes are not valid in the document's encoding (e.g. invalid UTF-8).</summary>
    Encoding,

    /// <summary>The document is not well-formed XML (or holds more than one root element).</summary>
    NotWellFormed,
}

namespace Fedmd.Verification.Canonicalization;

/// <summary>
/// Told by <see cref="Utf8CanonicalScanner"/> what the root's first element child is, before any content after it is
/// canonicalised: a verifier learns the DigestMethod from the signature before the digest is needed.
/// </summary>
public abstract class EnvelopedSignatureHandler
{
    /// <summary>The first element child is the enveloped ds:Signature.</summary>
    /// <param name="element">The element's bytes, from its start tag to its end tag.</param>
    /// <param name="inScope">The namespace bindings in scope at the element (prefix, URI), outermost first.</param>
    /// <param name="offset">Where the element starts, in bytes from where reading began.</param>
    public abstract void Signature(ReadOnlySpan<byte> element, IReadOnlyList<KeyValuePair<string, string>> inScope, long offset);

    /// <summary>The first element child is not a signature.</summary>
    public abstract void NotSignature();
}

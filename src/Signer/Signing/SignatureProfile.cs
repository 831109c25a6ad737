namespace Fedmd.Signer.Signing;

/// <summary>How the federation signs: the signature method, and through it the digest.</summary>
/// <param name="SignatureMethod">An XML Signature method URI from the allow-list; rsa-sha256 by default.</param>
public sealed record SignatureProfile(string SignatureMethod = SignatureAlgorithms.RsaSha256)
{
    /// <summary>The digest method matching the signature method's strength.</summary>
    public string DigestMethod => SignatureAlgorithms.DigestFor(SignatureMethod);
}

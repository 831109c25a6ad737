using System.Security.Cryptography.X509Certificates;

namespace Fedmd.TestSupport;

/// <summary>
/// Signature checks by implementations that are not ours: xmlsec1 (libxmlsec) and OpenSAML's samlsign. Our own
/// verifier is never the only judge of our signatures.
/// </summary>
public static class IndependentVerifiers
{
    /// <summary>
    /// xmlsec1 with only the certificate's bare public key, so the key inside the document is not trusted
    /// (<c>--pubkey-cert-pem</c> would quietly fall back to KeyInfo).
    /// </summary>
    public static ToolResult Xmlsec1(string documentPath, string certificatePemPath, string rootElement = "EntitiesDescriptor")
    {
        using var certificate = X509CertificateLoader.LoadCertificateFromFile(certificatePemPath);
        var publicKey = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"fedmd-pub-{Guid.NewGuid():N}.pem");
        File.WriteAllText(publicKey, new string(System.Security.Cryptography.PemEncoding.Write("PUBLIC KEY", certificate.PublicKey.ExportSubjectPublicKeyInfo())) + "\n");
        try
        {
            return ExternalTool.Run("xmlsec1",
            [
                "--verify", "--enabled-key-data", "rsa", "--pubkey-pem", publicKey,
                "--id-attr:ID", "urn:oasis:names:tc:SAML:2.0:metadata:" + rootElement, documentPath,
            ]);
        }
        finally
        {
            File.Delete(publicKey);
        }
    }

    /// <summary>Whether xmlsec1 accepts the document with the certificate's public key.</summary>
    public static bool Xmlsec1Accepts(string documentPath, string certificatePemPath, string rootElement = "EntitiesDescriptor")
    {
        var result = Xmlsec1(documentPath, certificatePemPath, rootElement);
        return result.ExitCode == 0 && result.Output.Contains("OK", StringComparison.Ordinal);
    }

    /// <summary>
    /// OpenSAML's samlsign. The certificate path must be absolute (a relative one is resolved against OpenSAML's own
    /// configuration folder), and samlsign can print errors yet exit 0, so its output is checked too.
    /// </summary>
    public static ToolResult Samlsign(string documentPath, string certificatePemPath) =>
        ExternalTool.Run("samlsign", ["-c", System.IO.Path.GetFullPath(certificatePemPath), "-f", System.IO.Path.GetFullPath(documentPath)]);

    /// <summary>Whether samlsign accepts the document: exit 0 and no ERROR line.</summary>
    public static bool SamlsignAccepts(string documentPath, string certificatePemPath)
    {
        var result = Samlsign(documentPath, certificatePemPath);
        return result.ExitCode == 0 && !result.Output.Contains("ERROR", StringComparison.Ordinal);
    }
}

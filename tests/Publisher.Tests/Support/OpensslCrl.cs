using Fedmd.TestSupport;

namespace Fedmd.Tests.Publisher.Support;

/// <summary>Issues a CA's CRL with <c>openssl ca</c>, as a mirror operator maintains it: revoke, then -gencrl.</summary>
public static class OpensslCrl
{
    /// <summary>Writes the CA's CRL (PEM, or DER when <paramref name="der"/>) revoking the given certificates, valid for <paramref name="hours"/>.</summary>
    public static string Issue(string directory, string caCertificate, string caKey, IReadOnlyList<string> revokedCertificates, string fileName, int hours = 24, bool der = false)
    {
        var database = Directory.CreateDirectory(Path.Combine(directory, Path.GetFileNameWithoutExtension(fileName) + "-ca")).FullName;
        File.WriteAllText(Path.Combine(database, "index.txt"), string.Empty);
        File.WriteAllText(Path.Combine(database, "crlnumber"), "01\n");
        var config = Path.Combine(database, "ca.cnf");
        File.WriteAllText(config, $"""
            [ ca ]
            default_ca = test
            [ test ]
            database = {Path.Combine(database, "index.txt")}
            crlnumber = {Path.Combine(database, "crlnumber")}
            default_md = sha256
            certificate = {caCertificate}
            private_key = {caKey}
            """);
        foreach (var certificate in revokedCertificates)
        {
            Run(["ca", "-config", config, "-revoke", certificate, "-crl_reason", "keyCompromise"]);
        }

        var pem = Path.Combine(directory, fileName + (der ? ".pem" : string.Empty));
        Run(["ca", "-config", config, "-gencrl", "-crlhours", hours.ToString(System.Globalization.CultureInfo.InvariantCulture), "-out", pem]);
        if (!der)
        {
            return pem;
        }

        var path = Path.Combine(directory, fileName);
        Run(["crl", "-in", pem, "-outform", "DER", "-out", path]);
        return path;
    }

    private static void Run(string[] arguments)
    {
        var result = ExternalTool.Run("openssl", arguments);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"openssl {string.Join(' ', arguments)} failed: {result.Output}");
        }
    }
}

using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Fedmd.Metadata.Failures;

namespace Fedmd.Cli.Composition;

/// <summary>Loads PEM certificates named in configuration or on the command line, with errors that name the file.</summary>
internal static class CertificateFiles
{
    /// <summary>Loads one PEM (or DER) certificate.</summary>
    /// <exception cref="FedmdException">The file is missing or holds no certificate (exit 2).</exception>
    public static X509Certificate2 LoadPem(string path, string setting)
    {
        if (!File.Exists(path))
        {
            throw new FedmdException(FailureKind.Configuration, $"{setting}: certificate file {path} does not exist");
        }

        try
        {
            return X509CertificateLoader.LoadCertificateFromFile(path);
        }
        catch (CryptographicException e)
        {
            throw new FedmdException(FailureKind.Configuration, $"{setting}: {path} is not a PEM or DER certificate ({e.Message})", e);
        }
    }
}

using Fedmd.Metadata.Failures;

namespace Fedmd.Cli.Configuration;

/// <summary>
/// The keys in <c>keys-dev/</c> are public: a configuration that is not the development profile must never use them,
/// whether named by path or copied elsewhere.
/// </summary>
public static class DevelopmentKeyGuard
{
    /// <summary>Name of the development key folder.</summary>
    public const string FolderName = "keys-dev";

    /// <summary>Throws a configuration failure when a non-development profile points at development key material.</summary>
    public static void Check(FedmdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.IsDevelopment)
        {
            return;
        }

        var paths = new (string Key, string? Path)[]
        {
            ("Signing:CertificateFile", options.Signing.CertificateFile),
            ("Signing:PinFile", options.Signing.PinFile),
        };
        foreach (var (key, path) in paths)
        {
            if (path is not null && IsUnderDevelopmentKeys(path))
            {
                throw new FedmdException(FailureKind.Configuration,
                    $"configuration {key}: {path} is development key material; profile '{options.Profile}' must use the production HSM's own certificate and PIN");
            }
        }

        if (options.Signing.KeyUri.Contains("token=fedmd-dev", StringComparison.Ordinal))
        {
            throw new FedmdException(FailureKind.Configuration,
                $"configuration Signing:KeyUri: the development token is not allowed in profile '{options.Profile}'");
        }

        var developmentCertificate = FindDevelopmentCertificate(options.Signing.CertificateFile);
        if (developmentCertificate is not null && File.Exists(options.Signing.CertificateFile) &&
            File.ReadAllText(options.Signing.CertificateFile).Trim() == File.ReadAllText(developmentCertificate).Trim())
        {
            throw new FedmdException(FailureKind.Configuration,
                $"configuration Signing:CertificateFile: {options.Signing.CertificateFile} is a copy of the development certificate {developmentCertificate}");
        }
    }

    private static bool IsUnderDevelopmentKeys(string path) =>
        Path.GetFullPath(path).Split(Path.DirectorySeparatorChar).Contains(FolderName, StringComparer.Ordinal);

    // The development certificate ships with the program's checkout; look for it beside the program.
    private static string? FindDevelopmentCertificate(string certificateFile)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(certificateFile) ?? "." })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, FolderName, "metadata-signing.crt");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}

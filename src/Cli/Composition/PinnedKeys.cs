using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Values;
using Fedmd.Verification;

namespace Fedmd.Cli.Composition;

/// <summary>Turns <c>--cert</c>, <c>--fingerprint</c> and <c>--max-validity</c> into verification options.</summary>
internal static class PinnedKeys
{
    /// <summary>Builds the options; at least one key must be pinned.</summary>
    /// <exception cref="FedmdException">No key pinned, or a value is malformed (exit 2).</exception>
    public static VerificationOptions FromCommandLine(string[]? certificates, string[]? fingerprints, string maxValidity)
    {
        var options = new VerificationOptions
        {
            PinnedCertificates = (certificates ?? []).Select(c => CertificateFiles.LoadPem(c, "--cert")).ToList(),
            PinnedFingerprints = (fingerprints ?? []).Select(ParseFingerprint).ToList(),
            MaxValidity = Duration(maxValidity, "--max-validity"),
        };
        return options.PinnedCertificates.Count > 0 || options.PinnedFingerprints.Count > 0
            ? options
            : throw new FedmdException(FailureKind.Configuration,
                "pin at least one key with --cert PEM or --fingerprint SHA256:HEX; the key inside the document is never trusted on its own");
    }

    /// <summary>Parses an xs:duration option.</summary>
    public static TimeSpan Duration(string text, string option)
    {
        try
        {
            return XsDuration.Parse(text).Value;
        }
        catch (FormatException e)
        {
            throw new FedmdException(FailureKind.Configuration, $"{option}: {e.Message}", e);
        }
    }

    private static CertificateFingerprint ParseFingerprint(string text)
    {
        try
        {
            var fingerprint = CertificateFingerprint.Parse(text);
            return fingerprint.Algorithm == FingerprintAlgorithm.Sha256
                ? fingerprint
                : throw new FedmdException(FailureKind.Configuration, $"--fingerprint {text}: pin with SHA256, not SHA1");
        }
        catch (FormatException e)
        {
            throw new FedmdException(FailureKind.Configuration, $"--fingerprint {text}: {e.Message}", e);
        }
    }
}

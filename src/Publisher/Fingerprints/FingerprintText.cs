using System.Globalization;
using System.Text;

namespace Fedmd.Publisher.Fingerprints;

/// <summary>Renders <c>fingerprint.txt</c>: the fingerprint page's facts as plain text, for mail and terminals.</summary>
internal static class FingerprintText
{
    /// <summary>Renders the text.</summary>
    public static string Render(FingerprintFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{facts.FederationName}: metadata signing certificate\n");
        text.Append(CultureInfo.InvariantCulture, $"Generated: {facts.Generated:u}\n");
        text.Append(CultureInfo.InvariantCulture, $"Security advisories: {FingerprintFacts.AdvisoryFileName}\n");
        foreach (var feed in facts.Feeds)
        {
            text.Append(CultureInfo.InvariantCulture, $"""

                Feed: {feed.FileName}
                URL: {feed.Url}
                Status: {feed.Stale?.Describe() ?? "current"}
                validUntil: {feed.ValidUntil:u}
                cacheDuration: {feed.CacheDuration}
                Entities: {feed.EntityCount}
                Signing certificate: {feed.CertificateFileName}{(feed.SignedByNextKey ? " (the versioned name: signed by the next key until the switch, by the new key after it, until the rollover is finished)" : string.Empty)}
                {Fields(feed.Certificate)}
                """);
        }

        if (facts.Rollover is { } rollover)
        {
            text.Append(CultureInfo.InvariantCulture, $"""

                Next signing key from {rollover.SwitchAt:u}
                Certificate: {FingerprintFacts.NextCertificateFileName}
                {Fields(rollover.Next)}
                """);
        }

        if (facts.Previous is { } previous)
        {
            text.Append(CultureInfo.InvariantCulture, $"""

                Previous signing key, not used since {previous.SwitchedAt:u}
                Certificate: {FingerprintFacts.PreviousCertificateFileName}
                {Fields(previous.Certificate)}
                """);
        }

        if (facts.Feeds.FirstOrDefault(f => !f.SignedByNextKey) is { } first)
        {
            foreach (var (title, snippet) in ConsumerSnippets.For(first, facts.MaxValidity, facts.TrustedCertificates()))
            {
                text.Append(CultureInfo.InvariantCulture, $"\n{title}:\n{snippet}\n");
            }
        }

        return text.ToString();
    }

    private static string Fields(SigningCertificateInfo certificate) => string.Create(CultureInfo.InvariantCulture, $"""
        SHA-256 of the public key (pin this): {certificate.KeySha256.ToDisplayString()}
        SHA-1 of the public key: {certificate.KeySha1.ToDisplayString()}
        SHA-256 of the certificate: {certificate.Sha256.ToDisplayString()}
        SHA-1 of the certificate: {certificate.Sha1.ToDisplayString()}
        Subject: {certificate.Subject}
        Serial: {certificate.Serial}
        Not before: {certificate.NotBefore:u}
        Not after: {certificate.NotAfter:u}
        Key: {certificate.KeyDescription}

        """);
}

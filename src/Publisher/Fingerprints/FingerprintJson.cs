using System.Text.Json;

namespace Fedmd.Publisher.Fingerprints;

/// <summary>Renders <c>fingerprint.json</c>: the fingerprint page's facts for scripts that pin or monitor the key.</summary>
internal static class FingerprintJson
{
    /// <summary>Renders the JSON document (UTF-8).</summary>
    public static byte[] Render(FingerprintFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("federation", facts.FederationName);
            json.WriteString("generated", facts.Generated.UtcDateTime);
            json.WriteString("advisory", FingerprintFacts.AdvisoryFileName);
            json.WriteStartArray("feeds");
            foreach (var feed in facts.Feeds)
            {
                json.WriteStartObject();
                json.WriteString("fileName", feed.FileName);
                json.WriteString("url", feed.Url);
                json.WriteBoolean("stale", feed.Stale is not null);
                if (feed.Stale is { } stale)
                {
                    if (stale.Since is { } since)
                    {
                        json.WriteString("staleSince", since.UtcDateTime);
                    }

                    json.WriteString("refusal", stale.Refusal);
                }

                json.WriteString("validUntil", feed.ValidUntil.UtcDateTime);
                json.WriteString("cacheDuration", feed.CacheDuration);
                json.WriteNumber("entityCount", feed.EntityCount);
                json.WriteBoolean("signedByNextKey", feed.SignedByNextKey);
                WriteCertificate(json, "signingCertificate", feed.CertificateFileName, feed.Certificate);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (facts.Rollover is { } rollover)
            {
                json.WriteStartObject("nextSigningKey");
                json.WriteString("switchAt", rollover.SwitchAt.UtcDateTime);
                WriteCertificate(json, "certificate", FingerprintFacts.NextCertificateFileName, rollover.Next);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("nextSigningKey");
            }

            if (facts.Previous is { } previous)
            {
                json.WriteStartObject("previousSigningKey");
                json.WriteString("switchedAt", previous.SwitchedAt.UtcDateTime);
                WriteCertificate(json, "certificate", FingerprintFacts.PreviousCertificateFileName, previous.Certificate);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("previousSigningKey");
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteCertificate(Utf8JsonWriter json, string name, string fileName, SigningCertificateInfo certificate)
    {
        json.WriteStartObject(name);
        json.WriteString("pem", fileName);
        json.WriteString("sha256", certificate.Sha256.ToDisplayString());
        json.WriteString("sha1", certificate.Sha1.ToDisplayString());
        json.WriteString("publicKeySha256", certificate.KeySha256.ToDisplayString());
        json.WriteString("publicKeySha1", certificate.KeySha1.ToDisplayString());
        json.WriteString("subject", certificate.Subject);
        json.WriteString("serial", certificate.Serial);
        json.WriteString("notBefore", certificate.NotBefore.UtcDateTime);
        json.WriteString("notAfter", certificate.NotAfter.UtcDateTime);
        json.WriteString("keyType", certificate.KeyType);
        json.WriteNumber("keySize", certificate.KeySize);
        json.WriteEndObject();
    }
}

using Fedmd.Metadata.Failures;

namespace Fedmd.KeyLifecycle.Saml;

/// <summary>
/// The lifetime guard for the SAML signing certificates of the entities the federation operates: a certificate that
/// lapses breaks single sign-on for everyone, so each one expiring soon is named with the step that replaces it.
/// </summary>
public static class SamlCertificateLifetime
{
    /// <summary>One line per signing certificate of <paramref name="entities"/> expiring within <paramref name="warnBefore"/> of <paramref name="now"/>.</summary>
    public static IReadOnlyList<string> Warnings(string registry, long maxEntityBytes, IEnumerable<string> entities, TimeSpan warnBefore, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entities);
        var warnings = new List<string>();
        foreach (var entityId in entities)
        {
            EntityRegistryFile file;
            try
            {
                file = EntityRegistryFile.Find(registry, entityId, maxEntityBytes);
            }
            catch (FedmdException e)
            {
                warnings.Add($"operated entity {entityId}: {e.Message}");
                continue;
            }

            foreach (var fingerprint in file.SigningCertificates())
            {
                using var certificate = file.Certificate(fingerprint);
                var notAfter = new DateTimeOffset(certificate!.NotAfter.ToUniversalTime());
                if (notAfter - now <= warnBefore)
                {
                    warnings.Add(notAfter <= now
                        ? $"the SAML signing certificate {fingerprint} of operated entity {entityId} expired at {notAfter:u}; roll it: fedmd rollover saml plan --entity {entityId}"
                        : $"the SAML signing certificate {fingerprint} of operated entity {entityId} expires at {notAfter:u} ({(notAfter - now).Days} days); roll it: fedmd rollover saml plan --entity {entityId}");
                }
            }
        }

        return warnings;
    }
}

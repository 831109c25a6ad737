using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Fedmd.Aggregator.Model;

namespace Fedmd.Aggregator.Rules;

/// <summary>Parses the certificates of an entity's KeyDescriptors.</summary>
public static class KeyCertificates
{
    /// <summary>Every certificate of every role, parsed.</summary>
    public static IEnumerable<KeyCertificate> All(EntityModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Roles.SelectMany(r => r.Keys.SelectMany(k => k.Certificates.Select(c => Parse(r.Kind, c))));
    }

    /// <summary>The certificates that parse.</summary>
    public static IEnumerable<KeyCertificate> Parsed(EntityModel model) => All(model).Where(c => c.Certificate is not null);

    private static KeyCertificate Parse(string role, string base64)
    {
        try
        {
            return new KeyCertificate(role, X509CertificateLoader.LoadCertificate(Convert.FromBase64String(base64)), null);
        }
        catch (FormatException)
        {
            return new KeyCertificate(role, null, "not base64");
        }
        catch (CryptographicException e)
        {
            return new KeyCertificate(role, null, e.Message);
        }
    }
}

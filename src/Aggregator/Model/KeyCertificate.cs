using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Fedmd.Aggregator.Model;

/// <summary>One KeyDescriptor certificate, parsed (or why not), for the key rules.</summary>
/// <param name="Role">The role that holds it.</param>
/// <param name="Certificate">The certificate, or null when it does not parse.</param>
/// <param name="Problem">Why it does not parse.</param>
public sealed record KeyCertificate(string Role, X509Certificate2? Certificate, string? Problem)
{
    /// <summary>The subject for messages.</summary>
    public string Subject => Certificate?.Subject ?? "(unparsed)";

    /// <summary>Every certificate in the roles' KeyDescriptors, each decoded and parsed once.</summary>
    public static IReadOnlyList<KeyCertificate> ParseAll(IEnumerable<RoleModel> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return roles.SelectMany(r => r.Keys.SelectMany(k => k.Certificates.Select(c => Parse(r.Kind, c)))).ToList();
    }

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

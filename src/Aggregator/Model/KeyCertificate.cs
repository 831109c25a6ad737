using System.Security.Cryptography;

namespace Fedmd.Aggregator.Model;

/// <summary>One KeyDescriptor certificate, read (or why not), for the key rules.</summary>
/// <param name="Role">The role that holds it.</param>
/// <param name="Facts">What the rules read from the certificate, or null when it does not parse.</param>
/// <param name="Problem">Why it does not parse.</param>
public sealed record KeyCertificate(string Role, CertificateFacts? Facts, string? Problem)
{
    /// <summary>The subject for messages.</summary>
    public string Subject => Facts?.Subject ?? "(unparsed)";

    /// <summary>Every certificate in the roles' KeyDescriptors, each decoded and read once.</summary>
    public static IReadOnlyList<KeyCertificate> ParseAll(IEnumerable<RoleModel> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        return roles.SelectMany(r => r.Keys.SelectMany(k => k.Certificates.Select(c => Parse(r.Kind, c)))).ToList();
    }

    private static KeyCertificate Parse(string role, string base64)
    {
        try
        {
            return new KeyCertificate(role, CertificateFacts.Read(Convert.FromBase64String(base64)), null);
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

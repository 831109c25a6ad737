using System.Security.Cryptography.X509Certificates;

namespace Fedmd.Aggregator.Rules;

/// <summary>One KeyDescriptor certificate, parsed (or why not), for the key rules.</summary>
/// <param name="Role">The role that holds it.</param>
/// <param name="Certificate">The certificate, or null when it does not parse.</param>
/// <param name="Problem">Why it does not parse.</param>
public sealed record KeyCertificate(string Role, X509Certificate2? Certificate, string? Problem)
{
    /// <summary>The subject for messages.</summary>
    public string Subject => Certificate?.Subject ?? "(unparsed)";
}

namespace Fedmd.Aggregator.Model;

/// <summary>One KeyDescriptor.</summary>
/// <param name="Use">The <c>use</c> attribute, empty when absent (signing and encryption).</param>
/// <param name="KeyCount">How many keys its KeyInfo holds: certificates, bare key values and DER public keys.</param>
/// <param name="Certificates">The base64 text of each <c>ds:X509Certificate</c>, white space removed.</param>
public sealed record KeyDescriptorModel(string Use, int KeyCount, IReadOnlyList<string> Certificates);

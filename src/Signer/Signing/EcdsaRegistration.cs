using System.Security.Cryptography;

namespace Fedmd.Signer.Signing;

/// <summary>
/// Registers the ECDSA signature descriptions with <see cref="CryptoConfig"/>, the only place <c>SignedXml</c> looks
/// up a signature method it does not know (its lookup is not injectable). The registration is write-once and
/// idempotent: it only adds names nothing else defines, and every later call sees the same mapping, so no behaviour
/// depends on which test or command ran first.
/// </summary>
internal static class EcdsaRegistration
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        CryptoConfig.AddAlgorithm(typeof(EcdsaSha256SignatureDescription), SignatureAlgorithms.EcdsaSha256);
        CryptoConfig.AddAlgorithm(typeof(EcdsaSha384SignatureDescription), SignatureAlgorithms.EcdsaSha384);
        return true;
    });

    /// <summary>Makes sure the ECDSA methods are known; later calls do nothing.</summary>
    public static void EnsureRegistered() => _ = Registered.Value;
}

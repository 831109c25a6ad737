using System.Security.Cryptography;

namespace Fedmd.Verification;

/// <summary>
/// Registers a signature description for every ECDSA row of <see cref="SignatureMethod.All"/> with
/// <see cref="CryptoConfig"/>, the only place <c>SignedXml</c> looks up a signature method it does not know (its lookup
/// is not injectable). The registration is write-once and idempotent: it only adds names nothing else defines, and
/// every later call sees the same mapping, so no behaviour depends on which test or command ran first.
/// </summary>
internal static class EcdsaRegistration
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        foreach (var method in SignatureMethod.All.Where(m => m.KeyFamily == KeyFamily.Ec))
        {
            CryptoConfig.AddAlgorithm(EcdsaSignatureDescription.For(method.Hash), method.Uri);
        }

        return true;
    });

    /// <summary>Makes sure the ECDSA methods are known; later calls do nothing.</summary>
    public static void EnsureRegistered() => _ = Registered.Value;
}

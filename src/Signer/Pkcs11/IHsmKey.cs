using Fedmd.Verification;

namespace Fedmd.Signer.Pkcs11;

/// <summary>One private key held by a token: it can say its public key and sign prepared data, nothing else.</summary>
public interface IHsmKey
{
    /// <summary>The key's public half as DER SubjectPublicKeyInfo, to bind it to the configured certificate.</summary>
    byte[] ExportSubjectPublicKeyInfo();

    /// <summary>
    /// Signs <paramref name="data"/>, prepared on the host for <paramref name="method"/> (a DigestInfo for RSA, a hash
    /// for ECDSA), with the token key and the method's PKCS#11 mechanism.
    /// </summary>
    byte[] Sign(SignatureMethod method, byte[] data);
}

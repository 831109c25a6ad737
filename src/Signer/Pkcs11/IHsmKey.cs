namespace Fedmd.Signer.Pkcs11;

/// <summary>One private key held by a token: it can say its public key and sign prepared data, nothing else.</summary>
public interface IHsmKey
{
    /// <summary>The key's public half as DER SubjectPublicKeyInfo, to bind it to the configured certificate.</summary>
    byte[] ExportSubjectPublicKeyInfo();

    /// <summary>Signs <paramref name="data"/> (a DigestInfo or a hash, by mechanism) with the token key.</summary>
    byte[] Sign(HsmMechanism mechanism, byte[] data);
}

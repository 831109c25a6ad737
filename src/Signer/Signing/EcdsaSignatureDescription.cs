using System.Security.Cryptography;

namespace Fedmd.Signer.Signing;

/// <summary>
/// Teaches <c>SignedXml</c> the XML Signature 1.1 ECDSA methods, which it does not know by itself. The signature value
/// is r‖s (IEEE P1363), the form both XML Signature and <see cref="ECDsa.SignHash(byte[])"/> use.
/// </summary>
public abstract class EcdsaSignatureDescription : SignatureDescription
{
    private readonly HashAlgorithmName _hash;

    /// <summary>Describes ECDSA over <paramref name="hash"/>.</summary>
    protected EcdsaSignatureDescription(HashAlgorithmName hash)
    {
        _hash = hash;
        KeyAlgorithm = typeof(ECDsa).AssemblyQualifiedName;
        DigestAlgorithm = hash.Name;
    }

    /// <inheritdoc />
    public override HashAlgorithm CreateDigest() => _hash.Name switch
    {
        "SHA256" => SHA256.Create(),
        "SHA384" => SHA384.Create(),
        _ => throw new CryptographicException($"ECDSA with {_hash.Name} is not on the allow-list"),
    };

    /// <inheritdoc />
    public override AsymmetricSignatureFormatter CreateFormatter(AsymmetricAlgorithm key) => new EcdsaSignatureFormatter(key);

    /// <inheritdoc />
    public override AsymmetricSignatureDeformatter CreateDeformatter(AsymmetricAlgorithm key) => new EcdsaSignatureDeformatter(key);

    private sealed class EcdsaSignatureFormatter(AsymmetricAlgorithm key) : AsymmetricSignatureFormatter
    {
        private ECDsa _key = AsEcdsa(key);

        public override void SetKey(AsymmetricAlgorithm key) => _key = AsEcdsa(key);

        public override void SetHashAlgorithm(string strName)
        {
            // The hash is fixed by the signature method; SignedXml hashes before calling.
        }

        public override byte[] CreateSignature(byte[] rgbHash) => _key.SignHash(rgbHash);
    }

    private sealed class EcdsaSignatureDeformatter(AsymmetricAlgorithm key) : AsymmetricSignatureDeformatter
    {
        private ECDsa _key = AsEcdsa(key);

        public override void SetKey(AsymmetricAlgorithm key) => _key = AsEcdsa(key);

        public override void SetHashAlgorithm(string strName)
        {
            // The hash is fixed by the signature method; SignedXml hashes before calling.
        }

        public override bool VerifySignature(byte[] rgbHash, byte[] rgbSignature) => _key.VerifyHash(rgbHash, rgbSignature);
    }

    private static ECDsa AsEcdsa(AsymmetricAlgorithm key) =>
        key as ECDsa ?? throw new CryptographicException($"an ECDSA signature method needs an EC key, not {key?.GetType().Name}");
}

/// <summary>ecdsa-sha256 (<c>http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256</c>).</summary>
public sealed class EcdsaSha256SignatureDescription() : EcdsaSignatureDescription(HashAlgorithmName.SHA256);

/// <summary>ecdsa-sha384 (<c>http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384</c>).</summary>
public sealed class EcdsaSha384SignatureDescription() : EcdsaSignatureDescription(HashAlgorithmName.SHA384);

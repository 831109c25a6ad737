using System.Security.Cryptography;

namespace Fedmd.Verification;

/// <summary>
/// Teaches <c>SignedXml</c> the XML Signature 1.1 ECDSA methods, which it does not know by itself. The signature value
/// is r‖s (IEEE P1363), the form both XML Signature and <see cref="ECDsa.SignHash(byte[])"/> use. Public only because
/// <see cref="CryptoConfig"/> accepts no type that is invisible outside its assembly.
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

    /// <summary>
    /// The description type for ECDSA over <paramref name="hash"/>. <see cref="CryptoConfig"/> creates descriptions
    /// from a type with no arguments, so each hash needs its own; every hash the table uses has one.
    /// </summary>
    internal static Type For(HashAlgorithmName hash) => hash.Name switch
    {
        "SHA256" => typeof(EcdsaSha256SignatureDescription),
        "SHA384" => typeof(EcdsaSha384SignatureDescription),
        "SHA512" => typeof(EcdsaSha512SignatureDescription),
        _ => throw new CryptographicException($"ECDSA with {hash.Name} is not on the allow-list"),
    };

    /// <inheritdoc />
    public override HashAlgorithm CreateDigest() => _hash.Name switch
    {
        "SHA256" => SHA256.Create(),
        "SHA384" => SHA384.Create(),
        "SHA512" => SHA512.Create(),
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

/// <summary>ECDSA over SHA-256.</summary>
public sealed class EcdsaSha256SignatureDescription() : EcdsaSignatureDescription(HashAlgorithmName.SHA256);

/// <summary>ECDSA over SHA-384.</summary>
public sealed class EcdsaSha384SignatureDescription() : EcdsaSignatureDescription(HashAlgorithmName.SHA384);

/// <summary>ECDSA over SHA-512.</summary>
public sealed class EcdsaSha512SignatureDescription() : EcdsaSignatureDescription(HashAlgorithmName.SHA512);

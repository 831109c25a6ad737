using System.Security.Cryptography;
using Fedmd.Signer.Pkcs11;
using Fedmd.Verification;

namespace Fedmd.Signer.Signing;

/// <summary>
/// An <see cref="RSA"/> whose private operation happens on the token: the host hashes, wraps the hash in a DER
/// DigestInfo and sends it with the method's mechanism (<c>CKM_RSA_PKCS</c>). Lets <c>SignedXml</c> sign without the key ever leaving the HSM.
/// </summary>
public sealed class HsmRsa : RSA
{
    private readonly IHsmKey _key;
    private readonly SignatureMethod _method;
    private readonly RSA _publicKey;

    /// <summary>Wraps the token key, whose public half is read once, to sign with <paramref name="method"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="method"/> is not an RSA method.</exception>
    public HsmRsa(IHsmKey key, SignatureMethod method)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(method);
        if (method.KeyFamily != KeyFamily.Rsa)
        {
            throw new ArgumentException($"signature method {method} needs an EC key, not RSA", nameof(method));
        }

        _key = key;
        _method = method;
        _publicKey = RSA.Create();
        _publicKey.ImportSubjectPublicKeyInfo(key.ExportSubjectPublicKeyInfo(), out _);
        KeySizeValue = _publicKey.KeySize;
        LegalKeySizesValue = [new KeySizes(KeySizeValue, KeySizeValue, 0)];
    }

    /// <inheritdoc />
    public override string SignatureAlgorithm => "RSA";

    /// <inheritdoc />
    public override byte[] SignHash(byte[] hash, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding)
    {
        ArgumentNullException.ThrowIfNull(hash);
        if (padding != RSASignaturePadding.Pkcs1)
        {
            throw new CryptographicException("the token key signs with PKCS#1 v1.5 padding only");
        }

        return _key.Sign(_method, DigestInfo.Encode(hashAlgorithm, hash));
    }

    /// <inheritdoc />
    public override bool VerifyHash(byte[] hash, byte[] signature, HashAlgorithmName hashAlgorithm, RSASignaturePadding padding) =>
        _publicKey.VerifyHash(hash, signature, hashAlgorithm, padding);

    /// <inheritdoc />
    public override RSAParameters ExportParameters(bool includePrivateParameters)
    {
        if (includePrivateParameters)
        {
            throw new CryptographicException("the private key stays on the token");
        }

        return _publicKey.ExportParameters(false);
    }

    /// <inheritdoc />
    public override void ImportParameters(RSAParameters parameters) =>
        throw new NotSupportedException("the key lives on the token");

    /// <inheritdoc />
    public override byte[] Encrypt(byte[] data, RSAEncryptionPadding padding) => _publicKey.Encrypt(data, padding);

    /// <inheritdoc />
    public override byte[] Decrypt(byte[] data, RSAEncryptionPadding padding) =>
        throw new NotSupportedException("the metadata signing key is not used for decryption");

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _publicKey.Dispose();
        }

        base.Dispose(disposing);
    }
}

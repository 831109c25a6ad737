using System.Security.Cryptography;
using Fedmd.Signer.Pkcs11;
using Fedmd.Verification;

namespace Fedmd.Signer.Signing;

/// <summary>
/// An <see cref="ECDsa"/> whose private operation happens on the token: the host hashes and sends the hash with
/// the method's mechanism (<c>CKM_ECDSA</c>). The token answers r‖s, each padded to the curve size, which is both .NET's IEEE P1363 format and
/// the SignatureValue that XML Signature 1.1 prescribes for ecdsa-sha256/384, so no DER conversion is needed.
/// </summary>
public sealed class HsmEcdsa : ECDsa
{
    private readonly IHsmKey _key;
    private readonly SignatureMethod _method;
    private readonly ECDsa _publicKey;

    /// <summary>Wraps the token key, whose public half is read once, to sign with <paramref name="method"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="method"/> is not an ECDSA method.</exception>
    public HsmEcdsa(IHsmKey key, SignatureMethod method)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(method);
        if (method.KeyFamily != KeyFamily.Ec)
        {
            throw new ArgumentException($"signature method {method} needs an RSA key, not EC", nameof(method));
        }

        _key = key;
        _method = method;
        _publicKey = ECDsa.Create();
        _publicKey.ImportSubjectPublicKeyInfo(key.ExportSubjectPublicKeyInfo(), out _);
        KeySizeValue = _publicKey.KeySize;
        LegalKeySizesValue = [new KeySizes(KeySizeValue, KeySizeValue, 0)];
    }

    /// <inheritdoc />
    public override byte[] SignHash(byte[] hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        var signature = _key.Sign(_method, hash);
        if (signature.Length != 2 * ((KeySize + 7) / 8))
        {
            throw new CryptographicException($"the token returned a {signature.Length}-byte ECDSA signature; r||s for a {KeySize}-bit curve has {2 * ((KeySize + 7) / 8)}");
        }

        return signature;
    }

    /// <inheritdoc />
    public override bool VerifyHash(byte[] hash, byte[] signature) => _publicKey.VerifyHash(hash, signature);

    /// <inheritdoc />
    public override ECParameters ExportParameters(bool includePrivateParameters)
    {
        if (includePrivateParameters)
        {
            throw new CryptographicException("the private key stays on the token");
        }

        return _publicKey.ExportParameters(false);
    }

    /// <inheritdoc />
    public override ECParameters ExportExplicitParameters(bool includePrivateParameters) =>
        includePrivateParameters
            ? throw new CryptographicException("the private key stays on the token")
            : _publicKey.ExportExplicitParameters(false);

    /// <inheritdoc />
    public override void ImportParameters(ECParameters parameters) =>
        throw new NotSupportedException("the key lives on the token");

    /// <inheritdoc />
    public override void GenerateKey(ECCurve curve) =>
        throw new NotSupportedException("the key lives on the token");

    /// <inheritdoc />
    protected override byte[] HashData(byte[] data, int offset, int count, HashAlgorithmName hashAlgorithm) =>
        CryptographicOperations.HashData(hashAlgorithm, data.AsSpan(offset, count));

    /// <inheritdoc />
    protected override byte[] HashData(Stream data, HashAlgorithmName hashAlgorithm) =>
        CryptographicOperations.HashData(hashAlgorithm, data);

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

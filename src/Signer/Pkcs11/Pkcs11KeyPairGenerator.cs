using System.Security.Cryptography;
using Fedmd.Metadata.Failures;
using Fedmd.Signer.Credentials;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace Fedmd.Signer.Pkcs11;

/// <summary>
/// Generates key pairs with <c>C_GenerateKeyPair</c> on the token that <paramref name="token"/> names (its label
/// and module; its object is ignored), logged in with the user PIN from <paramref name="pinSource"/>.
/// </summary>
/// <param name="module">The process's loaded module.</param>
/// <param name="token">Any key URI on the token, e.g. <c>Signing:KeyUri</c>.</param>
/// <param name="pinSource">The token's user PIN.</param>
public sealed class Pkcs11KeyPairGenerator(Pkcs11Module module, Pkcs11KeyUri token, IPinSource pinSource) : ITokenKeyGenerator
{
    private static readonly byte[] Exponent65537 = [0x01, 0x00, 0x01];

    /// <inheritdoc />
    public Pkcs11KeyUri GenerateRsa(string label, int rsaBits = 3072)
    {
        ArgumentException.ThrowIfNullOrEmpty(label);
        if (rsaBits < 2048)
        {
            throw new ArgumentOutOfRangeException(nameof(rsaBits), "an RSA signing key has at least 2048 bits");
        }

        var slot = module.FindSlotByTokenLabel(token.TokenLabel)
            ?? throw new FedmdException(FailureKind.Infrastructure, $"token '{token.TokenLabel}' is not present; connect it or check token= in {token}");
        try
        {
            using var session = slot.OpenSession(SessionType.ReadWrite);
            Login(session);
            var factory = module.Factories.ObjectAttributeFactory;
            if (session.FindAllObjects([factory.Create(CKA.CKA_LABEL, label)]).Count > 0)
            {
                throw new FedmdException(FailureKind.InvalidDocument,
                    $"token '{token.TokenLabel}' already holds an object labelled '{label}'; a new key needs a label of its own");
            }

            var id = RandomNumberGenerator.GetBytes(16);
            session.GenerateKeyPair(
                module.Factories.MechanismFactory.Create(CKM.CKM_RSA_PKCS_KEY_PAIR_GEN),
                [
                    factory.Create(CKA.CKA_TOKEN, true),
                    factory.Create(CKA.CKA_PRIVATE, false),
                    factory.Create(CKA.CKA_VERIFY, true),
                    factory.Create(CKA.CKA_LABEL, label),
                    factory.Create(CKA.CKA_ID, id),
                    factory.Create(CKA.CKA_MODULUS_BITS, (ulong)rsaBits),
                    factory.Create(CKA.CKA_PUBLIC_EXPONENT, Exponent65537),
                ],
                [
                    factory.Create(CKA.CKA_TOKEN, true),
                    factory.Create(CKA.CKA_PRIVATE, true),
                    factory.Create(CKA.CKA_SENSITIVE, true),
                    factory.Create(CKA.CKA_EXTRACTABLE, false),
                    factory.Create(CKA.CKA_SIGN, true),
                    factory.Create(CKA.CKA_DECRYPT, false),
                    factory.Create(CKA.CKA_LABEL, label),
                    factory.Create(CKA.CKA_ID, id),
                ],
                out _,
                out _);
            return token.WithObject(label, id);
        }
        catch (Pkcs11Exception e)
        {
            throw new FedmdException(FailureKind.Infrastructure, $"token '{token.TokenLabel}' could not generate an RSA {rsaBits} key '{label}': {e.RV}", e);
        }
    }

    private void Login(ISession session)
    {
        using var pin = pinSource.Read();
        try
        {
            pin.Use(bytes =>
            {
                session.Login(CKU.CKU_USER, bytes);
                return true;
            });
        }
        catch (Pkcs11Exception e) when (e.RV == CKR.CKR_USER_ALREADY_LOGGED_IN)
        {
            // The login state is per token: another session of this process is logged in already.
        }
    }
}

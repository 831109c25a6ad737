using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Fedmd.Metadata.Failures;
using Fedmd.Signer.Credentials;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace Fedmd.Signer.Pkcs11;

/// <summary>
/// Puts a software key and its certificate on a SoftHSM2 token, through PKCS#11 itself so that no PIN is ever
/// passed on a command line. Idempotent: a token that already holds the same key is left as it is. For
/// development and tests only; production keys are generated on the HSM and never exist as files.
/// </summary>
public sealed class DevelopmentTokenInitializer(Pkcs11Module module)
{
    /// <summary>Ensures the token <paramref name="tokenLabel"/> holds <paramref name="key"/> as <paramref name="keyLabel"/>.</summary>
    /// <returns>True when the token was created now, false when it was already in place.</returns>
    public bool Ensure(string tokenLabel, string keyLabel, byte[] keyId, RSA key, X509Certificate2 certificate, Pin soPin, Pin userPin)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(certificate);
        var existing = module.FindSlotByTokenLabel(tokenLabel);
        if (existing is not null)
        {
            CheckExisting(existing, tokenLabel, keyLabel, key, userPin);
            return false;
        }

        var free = module.Library.GetSlotList(SlotsType.WithTokenPresent)
            .FirstOrDefault(slot => !slot.GetTokenInfo().TokenFlags.TokenInitialized)
            ?? throw new FedmdException(FailureKind.Infrastructure,
                "no uninitialised SoftHSM2 slot is free; check SOFTHSM2_CONF and its token directory");
        soPin.Use(bytes =>
        {
            free.InitToken(bytes, System.Text.Encoding.UTF8.GetBytes(tokenLabel));
            return true;
        });

        // SoftHSM2 moves an initialised token to a new slot: find it again by label.
        var slot = module.FindSlotByTokenLabel(tokenLabel)
            ?? throw new FedmdException(FailureKind.Infrastructure, $"token '{tokenLabel}' vanished after initialisation");
        using var session = slot.OpenSession(SessionType.ReadWrite);
        soPin.Use(bytes =>
        {
            session.Login(CKU.CKU_SO, bytes);
            return true;
        });
        userPin.Use(bytes =>
        {
            session.InitPin(bytes);
            return true;
        });
        session.Logout();
        userPin.Use(bytes =>
        {
            session.Login(CKU.CKU_USER, bytes);
            return true;
        });
        Import(session, keyLabel, keyId, key, certificate);
        session.Logout();
        return true;
    }

    private void CheckExisting(ISlot slot, string tokenLabel, string keyLabel, RSA key, Pin userPin)
    {
        using var session = slot.OpenSession(SessionType.ReadOnly);
        userPin.Use(bytes =>
        {
            session.Login(CKU.CKU_USER, bytes);
            return true;
        });
        var factory = module.Factories.ObjectAttributeFactory;
        var found = session.FindAllObjects(
        [
            factory.Create(CKA.CKA_CLASS, CKO.CKO_PRIVATE_KEY),
            factory.Create(CKA.CKA_LABEL, keyLabel),
        ]);
        if (found.Count != 1)
        {
            throw new FedmdException(FailureKind.Configuration,
                $"token '{tokenLabel}' exists but holds {found.Count} keys labelled '{keyLabel}'; remove the token directory to start again");
        }

        var modulus = session.GetAttributeValue(found[0], [CKA.CKA_MODULUS])[0].GetValueAsByteArray();
        if (!modulus.AsSpan().SequenceEqual(key.ExportParameters(false).Modulus))
        {
            throw new FedmdException(FailureKind.Configuration,
                $"token '{tokenLabel}' holds a different key '{keyLabel}' than the one in keys-dev; remove the token directory to start again");
        }

        session.Logout();
    }

    private void Import(ISession session, string keyLabel, byte[] keyId, RSA key, X509Certificate2 certificate)
    {
        var p = key.ExportParameters(includePrivateParameters: true);
        var factory = module.Factories.ObjectAttributeFactory;
        try
        {
            session.CreateObject(
            [
                factory.Create(CKA.CKA_CLASS, CKO.CKO_PRIVATE_KEY),
                factory.Create(CKA.CKA_KEY_TYPE, CKK.CKK_RSA),
                factory.Create(CKA.CKA_TOKEN, true),
                factory.Create(CKA.CKA_PRIVATE, true),
                factory.Create(CKA.CKA_SENSITIVE, true),
                factory.Create(CKA.CKA_EXTRACTABLE, false),
                factory.Create(CKA.CKA_SIGN, true),
                factory.Create(CKA.CKA_LABEL, keyLabel),
                factory.Create(CKA.CKA_ID, keyId),
                factory.Create(CKA.CKA_MODULUS, p.Modulus),
                factory.Create(CKA.CKA_PUBLIC_EXPONENT, p.Exponent),
                factory.Create(CKA.CKA_PRIVATE_EXPONENT, p.D),
                factory.Create(CKA.CKA_PRIME_1, p.P),
                factory.Create(CKA.CKA_PRIME_2, p.Q),
                factory.Create(CKA.CKA_EXPONENT_1, p.DP),
                factory.Create(CKA.CKA_EXPONENT_2, p.DQ),
                factory.Create(CKA.CKA_COEFFICIENT, p.InverseQ),
            ]);
            session.CreateObject(
            [
                factory.Create(CKA.CKA_CLASS, CKO.CKO_PUBLIC_KEY),
                factory.Create(CKA.CKA_KEY_TYPE, CKK.CKK_RSA),
                factory.Create(CKA.CKA_TOKEN, true),
                factory.Create(CKA.CKA_VERIFY, true),
                factory.Create(CKA.CKA_LABEL, keyLabel),
                factory.Create(CKA.CKA_ID, keyId),
                factory.Create(CKA.CKA_MODULUS, p.Modulus),
                factory.Create(CKA.CKA_PUBLIC_EXPONENT, p.Exponent),
            ]);
            session.CreateObject(
            [
                factory.Create(CKA.CKA_CLASS, CKO.CKO_CERTIFICATE),
                factory.Create(CKA.CKA_CERTIFICATE_TYPE, CKC.CKC_X_509),
                factory.Create(CKA.CKA_TOKEN, true),
                factory.Create(CKA.CKA_LABEL, keyLabel),
                factory.Create(CKA.CKA_ID, keyId),
                factory.Create(CKA.CKA_SUBJECT, certificate.SubjectName.RawData),
                factory.Create(CKA.CKA_VALUE, certificate.RawData),
            ]);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(p.D);
            CryptographicOperations.ZeroMemory(p.P);
            CryptographicOperations.ZeroMemory(p.Q);
            CryptographicOperations.ZeroMemory(p.DP);
            CryptographicOperations.ZeroMemory(p.DQ);
            CryptographicOperations.ZeroMemory(p.InverseQ);
        }
    }
}

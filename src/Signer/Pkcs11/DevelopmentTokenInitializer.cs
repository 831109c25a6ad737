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
    private const int Attempts = 10;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Ensures the token <paramref name="tokenLabel"/> holds <paramref name="key"/> as <paramref name="keyLabel"/>.
    /// Safe to call from several threads at once on one module; another process initialising a token in the same
    /// token directory at the same moment is met by looking the slots up again a bounded number of times.
    /// </summary>
    /// <returns>True when the token was created now, false when it was already in place.</returns>
    public bool Ensure(string tokenLabel, string keyLabel, byte[] keyId, RSA key, X509Certificate2 certificate, Pin soPin, Pin userPin)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(certificate);

        // SoftHSM2 offers one uninitialised slot and renumbers its slots when a token is initialised: two
        // initialisations at once would pick the same free slot, and the second would re-initialise (erase) the
        // first's token. The module is one per process, so it is what initialisations queue on.
        lock (module)
        {
            return EnsureAlone(tokenLabel, keyLabel, keyId, key, certificate, soPin, userPin);
        }
    }

    private bool EnsureAlone(string tokenLabel, string keyLabel, byte[] keyId, RSA key, X509Certificate2 certificate, Pin soPin, Pin userPin)
    {
        var existing = module.FindSlotByTokenLabel(tokenLabel);
        if (existing is not null)
        {
            CheckExisting(existing, tokenLabel, keyLabel, key, userPin);
            return false;
        }

        var free = Retrying(FreeSlot,
            "no uninitialised SoftHSM2 slot is free; check SOFTHSM2_CONF and its token directory");
        soPin.Use(bytes =>
        {
            free.InitToken(bytes, System.Text.Encoding.UTF8.GetBytes(tokenLabel));
            return true;
        });

        // SoftHSM2 moves an initialised token to a new slot: find it again by label, never by the old slot id.
        var slot = Retrying(() => module.FindSlotByTokenLabel(tokenLabel),
            $"token '{tokenLabel}' vanished after initialisation; another process may have initialised the same slot: run the command again");
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

    private ISlot? FreeSlot() =>
        module.Library.GetSlotList(SlotsType.WithTokenPresent).FirstOrDefault(IsUninitialised);

    private static bool IsUninitialised(ISlot slot)
    {
        try
        {
            return !slot.GetTokenInfo().TokenFlags.TokenInitialized;
        }
        catch (Pkcs11Exception)
        {
            // A slot renumbered away while it was listed.
            return false;
        }
    }

    // The slot list of another process's initialisation settles within moments: look again, a bounded number of times.
    private static ISlot Retrying(Func<ISlot?> find, string failure)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (find() is { } found)
            {
                return found;
            }

            if (attempt == Attempts)
            {
                throw new FedmdException(FailureKind.Infrastructure, failure);
            }

            Thread.Sleep(RetryDelay * attempt);
        }
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

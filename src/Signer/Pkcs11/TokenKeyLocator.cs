using Fedmd.Metadata.Failures;
using Fedmd.Signer.Credentials;
using Net.Pkcs11Interop.Common;

namespace Fedmd.Signer.Pkcs11;

/// <summary>
/// Finds the private key on a token that belongs to a certificate, by comparing public keys, so that an operator who
/// loaded a key generated offline names it by its certificate alone and never types a label or id.
/// </summary>
public sealed class TokenKeyLocator(Pkcs11Module module)
{
    /// <summary>
    /// The URI (token label, the key's label and id, <paramref name="modulePath"/>) of the one private key on
    /// <paramref name="tokenLabel"/> whose public key is <paramref name="subjectPublicKeyInfo"/>, or null when none is.
    /// </summary>
    /// <exception cref="FedmdException">The token is absent or the login fails (exit 3).</exception>
    public Pkcs11KeyUri? FindByPublicKey(string tokenLabel, string modulePath, IPinSource pinSource, ReadOnlySpan<byte> subjectPublicKeyInfo)
    {
        ArgumentNullException.ThrowIfNull(pinSource);
        foreach (var candidate in PrivateKeys(tokenLabel, pinSource))
        {
            var uri = Pkcs11KeyUri.Parse(UriText(tokenLabel, candidate.Label, candidate.Id, modulePath));
            using var key = new Pkcs11Key(module, uri, pinSource);
            if (key.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(subjectPublicKeyInfo))
            {
                return uri;
            }
        }

        return null;
    }

    private List<(string? Label, byte[]? Id)> PrivateKeys(string tokenLabel, IPinSource pinSource)
    {
        var slot = module.FindSlotByTokenLabel(tokenLabel)
            ?? throw new FedmdException(FailureKind.Infrastructure, $"no token labelled '{tokenLabel}' is present; check SOFTHSM2_CONF or the HSM");
        using var session = slot.OpenSession(SessionType.ReadOnly);
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
            // The login state is per token: another session of this process holds it.
        }
        catch (Pkcs11Exception e)
        {
            throw new FedmdException(FailureKind.Infrastructure, $"login to token '{tokenLabel}' failed ({e.RV}) with {pinSource.Description}", e);
        }

        var factory = module.Factories.ObjectAttributeFactory;
        return session.FindAllObjects([factory.Create(CKA.CKA_CLASS, CKO.CKO_PRIVATE_KEY)])
            .Select(handle => session.GetAttributeValue(handle, [CKA.CKA_LABEL, CKA.CKA_ID]))
            .Select(values => (Label: NullIfEmpty(values[0].GetValueAsString()), Id: NullIfEmpty(values[1].GetValueAsByteArray())))
            .Where(c => c.Label is not null || c.Id is not null)
            .ToList();
    }

    private static string UriText(string tokenLabel, string? label, byte[]? id, string modulePath) =>
        $"pkcs11:token={Uri.EscapeDataString(tokenLabel)}"
        + (label is null ? string.Empty : $";object={Uri.EscapeDataString(label)}")
        + (id is null ? string.Empty : ";id=" + string.Concat(id.Select(b => $"%{b:X2}")))
        + $"?module-path={Uri.EscapeDataString(modulePath)}";

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static byte[]? NullIfEmpty(byte[]? bytes) => bytes is null || bytes.Length == 0 ? null : bytes;
}

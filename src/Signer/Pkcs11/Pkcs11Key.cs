using System.Security.Cryptography;
using Fedmd.Metadata.Failures;
using Fedmd.Signer.Credentials;
using Fedmd.Verification;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace Fedmd.Signer.Pkcs11;

/// <summary>
/// The signing key on a token, reached through one logged-in session. Operations are serialised because a
/// smartcard HSM offers one session and signs one request at a time. <see cref="Reset"/> drops the session and
/// every handle so that the next operation finds the slot, logs in and finds the key again.
/// </summary>
public sealed class Pkcs11Key : IHsmKey, IHsmConnection, IDisposable
{
    private readonly Pkcs11Module _module;
    private readonly Pkcs11KeyUri _uri;
    private readonly IPinSource _pinSource;
    private readonly Lock _gate = new();
    private ISession? _session;
    private IObjectHandle? _key;

    /// <summary>Creates the key; nothing touches the token until the first operation.</summary>
    public Pkcs11Key(Pkcs11Module module, Pkcs11KeyUri uri, IPinSource pinSource)
    {
        _module = module;
        _uri = uri;
        _pinSource = pinSource;
    }

    /// <inheritdoc />
    public byte[] ExportSubjectPublicKeyInfo()
    {
        lock (_gate)
        {
            var (session, key) = Connect();
            var type = (CKK)session.GetAttributeValue(key, [CKA.CKA_KEY_TYPE])[0].GetValueAsUlong();
            return type switch
            {
                CKK.CKK_RSA => RsaPublicKey(session, key),
                CKK.CKK_EC => EcPublicKey(session, key),
                _ => throw new FedmdException(FailureKind.Configuration,
                    $"key {_uri} is of type {type}; this signer supports RSA and EC keys"),
            };
        }
    }

    /// <inheritdoc />
    public byte[] Sign(SignatureMethod method, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(method);
        lock (_gate)
        {
            var (session, key) = Connect();
            return session.Sign(_module.Factories.MechanismFactory.Create((CKM)method.Pkcs11Mechanism), key, data);
        }
    }

    /// <inheritdoc />
    public void Reset()
    {
        lock (_gate)
        {
            var session = _session;
            _session = null;
            _key = null;
            if (session is null)
            {
                return;
            }

            try
            {
                session.CloseSession();
            }
            catch (Pkcs11Exception)
            {
                // The session is usually already gone when a reset is needed; closing it is best effort.
            }
        }
    }

    /// <inheritdoc />
    public void Reload()
    {
        lock (_gate)
        {
            Reset();
            _module.Reload();
        }
    }

    /// <inheritdoc />
    public void Dispose() => Reset();

    private (ISession Session, IObjectHandle Key) Connect()
    {
        if (_session is not null && _key is not null)
        {
            return (_session, _key);
        }

        var slot = _module.FindSlotByTokenLabel(_uri.TokenLabel)
            ?? throw new Pkcs11Exception("C_GetSlotList", CKR.CKR_TOKEN_NOT_PRESENT);
        var session = slot.OpenSession(SessionType.ReadOnly);
        try
        {
            Login(session);
            _key = FindKey(session);
            _session = session;
            return (session, _key);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    private void Login(ISession session)
    {
        using var pin = _pinSource.Read();
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
            // Another session of this process is logged in already: the login state is per token, so this is success.
        }
    }

    private static byte[] RsaPublicKey(ISession session, IObjectHandle key)
    {
        var values = session.GetAttributeValue(key, [CKA.CKA_MODULUS, CKA.CKA_PUBLIC_EXPONENT]);
        using var rsa = RSA.Create(new RSAParameters
        {
            Modulus = values[0].GetValueAsByteArray(),
            Exponent = values[1].GetValueAsByteArray(),
        });
        return rsa.ExportSubjectPublicKeyInfo();
    }

    private byte[] EcPublicKey(ISession session, IObjectHandle privateKey)
    {
        // A private EC key holds its curve but not always its point, so the point comes from the public key of the same id.
        var parameters = session.GetAttributeValue(privateKey, [CKA.CKA_EC_PARAMS, CKA.CKA_ID]);
        var factory = _module.Factories.ObjectAttributeFactory;
        var publicKeys = session.FindAllObjects(
        [
            factory.Create(CKA.CKA_CLASS, CKO.CKO_PUBLIC_KEY),
            factory.Create(CKA.CKA_ID, parameters[1].GetValueAsByteArray()),
        ]);
        if (publicKeys.Count != 1)
        {
            throw new FedmdException(FailureKind.Configuration,
                $"EC key {_uri} needs exactly one public key object with the same id on the token to read its point; found {publicKeys.Count}");
        }

        var point = session.GetAttributeValue(publicKeys[0], [CKA.CKA_EC_POINT])[0].GetValueAsByteArray();
        return EcPublicKeyEncoding.ToSubjectPublicKeyInfo(parameters[0].GetValueAsByteArray(), point);
    }

    private IObjectHandle FindKey(ISession session)
    {
        var factory = _module.Factories.ObjectAttributeFactory;
        var template = new List<IObjectAttribute> { factory.Create(CKA.CKA_CLASS, CKO.CKO_PRIVATE_KEY) };
        if (_uri.ObjectLabel is not null)
        {
            template.Add(factory.Create(CKA.CKA_LABEL, _uri.ObjectLabel));
        }

        if (_uri.ObjectId is not null)
        {
            template.Add(factory.Create(CKA.CKA_ID, _uri.ObjectId));
        }

        var found = session.FindAllObjects(template);
        return found.Count switch
        {
            1 => found[0],
            0 => throw new FedmdException(FailureKind.Configuration,
                $"no private key matching {_uri} on token '{_uri.TokenLabel}'; check object= or id= in Signing:KeyUri"),
            _ => throw new FedmdException(FailureKind.Configuration,
                $"{found.Count} private keys match {_uri}; name the key with both object= and id= in Signing:KeyUri"),
        };
    }
}

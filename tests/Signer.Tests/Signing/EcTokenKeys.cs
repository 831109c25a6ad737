using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Fedmd.TestSupport.SoftHsm;
using Net.Pkcs11Interop.Common;

namespace Fedmd.Tests.Signer.Signing;

/// <summary>EC key pairs made on a test token, and certificates for them.</summary>
internal static class EcTokenKeys
{
    /// <summary>A certificate for the token key, signed by that key.</summary>
    public static X509Certificate2 SelfSigned(ECDsa tokenKey, string name)
    {
        var subject = new X500DistinguishedName("CN=" + name);
        var request = new CertificateRequest(subject, tokenKey, HashAlgorithmName.SHA256);
        return request.Create(subject, X509SignatureGenerator.CreateForECDsa(tokenKey),
            DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1), [1, 2, 3, 4]);
    }

    /// <summary>Generates an EC key pair on the token, so the private key never exists outside it.</summary>
    public static void Generate(TestToken token, string label, byte id, string curveOid)
    {
        var module = TestHsm.Module;
        var factory = module.Factories.ObjectAttributeFactory;
        using var session = module.FindSlotByTokenLabel(token.Label)!.OpenSession(Net.Pkcs11Interop.Common.SessionType.ReadWrite);
        try
        {
            session.Login(CKU.CKU_USER, TestToken.UserPinValue);
        }
        catch (Pkcs11Exception e) when (e.RV == CKR.CKR_USER_ALREADY_LOGGED_IN)
        {
            // Another session of this process is logged in to the token already.
        }

        var parameters = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        parameters.WriteObjectIdentifier(curveOid);
        session.GenerateKeyPair(
            module.Factories.MechanismFactory.Create(CKM.CKM_EC_KEY_PAIR_GEN),
            [
                factory.Create(CKA.CKA_TOKEN, true),
                factory.Create(CKA.CKA_VERIFY, true),
                factory.Create(CKA.CKA_LABEL, label),
                factory.Create(CKA.CKA_ID, new[] { id }),
                factory.Create(CKA.CKA_EC_PARAMS, parameters.Encode()),
            ],
            [
                factory.Create(CKA.CKA_TOKEN, true),
                factory.Create(CKA.CKA_PRIVATE, true),
                factory.Create(CKA.CKA_SENSITIVE, true),
                factory.Create(CKA.CKA_SIGN, true),
                factory.Create(CKA.CKA_LABEL, label),
                factory.Create(CKA.CKA_ID, new[] { id }),
            ],
            out _,
            out _);
    }
}

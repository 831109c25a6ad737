using System.Formats.Asn1;
using System.Security.Cryptography;

namespace Fedmd.Signer.Pkcs11;

/// <summary>Turns a token's <c>CKA_EC_PARAMS</c> and <c>CKA_EC_POINT</c> into a DER SubjectPublicKeyInfo.</summary>
internal static class EcPublicKeyEncoding
{
    /// <summary>Builds the SubjectPublicKeyInfo of a named-curve key with an uncompressed point.</summary>
    public static byte[] ToSubjectPublicKeyInfo(byte[] ecParameters, byte[] ecPoint)
    {
        var curveOid = AsnDecoder.ReadObjectIdentifier(ecParameters, AsnEncodingRules.DER, out _);
        // PKCS#11 wraps the point in a DER OCTET STRING; some modules give the bare point.
        var point = Unwrap(ecPoint);
        if (point.Length % 2 != 1 || point[0] != 0x04)
        {
            throw new CryptographicException("the token's EC point is not an uncompressed point");
        }

        var half = (point.Length - 1) / 2;
        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.CreateFromValue(curveOid),
            Q = new ECPoint { X = point[1..(1 + half)], Y = point[(1 + half)..] },
        });
        return key.ExportSubjectPublicKeyInfo();
    }

    private static byte[] Unwrap(byte[] ecPoint)
    {
        try
        {
            var inner = AsnDecoder.ReadOctetString(ecPoint, AsnEncodingRules.DER, out var consumed);
            return consumed == ecPoint.Length ? inner : ecPoint;
        }
        catch (AsnContentException)
        {
            return ecPoint;
        }
    }
}

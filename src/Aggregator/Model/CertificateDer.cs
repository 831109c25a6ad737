using System.Formats.Asn1;

namespace Fedmd.Aggregator.Model;

/// <summary>
/// A strict DER reading of an X.509 certificate's structure (RFC 5280, section 4.1): every field of the
/// TBSCertificate in order, the extensions' framing, the signature algorithm and value, and nothing after it. Only
/// what <see cref="CertificateFacts"/> needs is kept.
/// </summary>
internal static class CertificateDer
{
    private static readonly Asn1Tag Version = new(TagClass.ContextSpecific, 0, isConstructed: true);
    private static readonly Asn1Tag IssuerUniqueId = new(TagClass.ContextSpecific, 1);
    private static readonly Asn1Tag SubjectUniqueId = new(TagClass.ContextSpecific, 2);
    private static readonly Asn1Tag Extensions = new(TagClass.ContextSpecific, 3, isConstructed: true);

    /// <summary>The fields read from a certificate.</summary>
    internal sealed record Fields(ReadOnlyMemory<byte> Subject, DateTime NotAfter, SubjectPublicKey PublicKey);

    /// <summary>The fields, or null when <paramref name="der"/> is not a DER certificate this reading accepts.</summary>
    public static Fields? TryRead(ReadOnlyMemory<byte> der)
    {
        try
        {
            var outer = new AsnReader(der, AsnEncodingRules.DER);
            var certificate = outer.ReadSequence();
            outer.ThrowIfNotEmpty();
            var fields = ReadTbs(certificate.ReadSequence());
            ReadAlgorithm(certificate);
            certificate.ReadBitString(out _);
            certificate.ThrowIfNotEmpty();
            return fields;
        }
        catch (AsnContentException)
        {
            return null;
        }
    }

    private static Fields ReadTbs(AsnReader tbs)
    {
        if (tbs.HasData && tbs.PeekTag() == Version)
        {
            var version = tbs.ReadSequence(Version);
            if (!version.TryReadInt32(out var number) || number is < 0 or > 2)
            {
                throw new AsnContentException("unknown certificate version");
            }

            version.ThrowIfNotEmpty();
        }

        tbs.ReadIntegerBytes();
        ReadAlgorithm(tbs);
        ReadName(tbs);
        var validity = tbs.ReadSequence();
        ReadTime(validity);
        var notAfter = ReadTime(validity);
        validity.ThrowIfNotEmpty();
        var subject = ReadName(tbs);
        var publicKey = ReadPublicKey(tbs.ReadSequence());
        if (tbs.HasData && tbs.PeekTag() == IssuerUniqueId)
        {
            tbs.ReadBitString(out _, IssuerUniqueId);
        }

        if (tbs.HasData && tbs.PeekTag() == SubjectUniqueId)
        {
            tbs.ReadBitString(out _, SubjectUniqueId);
        }

        if (tbs.HasData)
        {
            ReadExtensions(tbs.ReadSequence(Extensions));
        }

        tbs.ThrowIfNotEmpty();
        return new Fields(subject, notAfter, publicKey);
    }

    private static (string Oid, ReadOnlyMemory<byte>? Parameters) ReadAlgorithm(AsnReader reader)
    {
        var algorithm = reader.ReadSequence();
        var oid = algorithm.ReadObjectIdentifier();
        ReadOnlyMemory<byte>? parameters = algorithm.HasData ? algorithm.ReadEncodedValue() : null;
        algorithm.ThrowIfNotEmpty();
        return (oid, parameters);
    }

    // Name ::= SEQUENCE OF RelativeDistinguishedName; kept encoded, decoded for messages only.
    private static ReadOnlyMemory<byte> ReadName(AsnReader reader)
    {
        var encoded = reader.ReadEncodedValue();
        var name = new AsnReader(encoded, AsnEncodingRules.DER).ReadSequence();
        while (name.HasData)
        {
            var set = name.ReadSetOf();
            do
            {
                var attribute = set.ReadSequence();
                attribute.ReadObjectIdentifier();
                attribute.ReadEncodedValue();
                attribute.ThrowIfNotEmpty();
            }
            while (set.HasData);
        }

        return encoded;
    }

    private static DateTime ReadTime(AsnReader reader) =>
        (reader.PeekTag().TagValue == (int)UniversalTagNumber.UtcTime
            ? reader.ReadUtcTime(twoDigitYearMax: 2049)
            : reader.ReadGeneralizedTime()).UtcDateTime;

    private static SubjectPublicKey ReadPublicKey(AsnReader info)
    {
        var (oid, parameters) = ReadAlgorithm(info);
        if (!info.TryReadPrimitiveBitString(out var unused, out var key) || unused != 0)
        {
            throw new AsnContentException("the subjectPublicKey is not a whole number of bytes");
        }

        info.ThrowIfNotEmpty();
        return new SubjectPublicKey(oid, parameters, key);
    }

    // Extension ::= SEQUENCE { extnID OID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING }
    private static void ReadExtensions(AsnReader wrapper)
    {
        var extensions = wrapper.ReadSequence();
        wrapper.ThrowIfNotEmpty();
        do
        {
            var extension = extensions.ReadSequence();
            extension.ReadObjectIdentifier();
            if (extension.PeekTag() == Asn1Tag.Boolean)
            {
                extension.ReadBoolean();
            }

            extension.ReadOctetString();
            extension.ThrowIfNotEmpty();
        }
        while (extensions.HasData);
    }
}

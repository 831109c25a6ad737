using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Fedmd.Publisher.Mirrors;

/// <summary>
/// A certificate revocation list (RFC 5280 §5.1) read from PEM or DER: its issuer, its thisUpdate and nextUpdate, the
/// serial numbers it revokes, and the signed bytes with their signature, which <see cref="RevocationListSignature"/>
/// verifies. .NET reads CRLs only to extend them, so the structure is read here with the ASN.1 reader.
/// </summary>
internal sealed class RevocationList
{
    private const string PemLabel = "X509 CRL";
    private readonly Dictionary<string, DateTimeOffset> _revoked;
    private readonly byte[] _signedPart;
    private readonly byte[] _signature;

    private RevocationList(X500DistinguishedName issuer, DateTimeOffset thisUpdate, DateTimeOffset? nextUpdate,
        Dictionary<string, DateTimeOffset> revoked, string signatureAlgorithm, byte[] signedPart, byte[] signature)
    {
        Issuer = issuer;
        ThisUpdate = thisUpdate;
        NextUpdate = nextUpdate;
        _revoked = revoked;
        SignatureAlgorithm = signatureAlgorithm;
        _signedPart = signedPart;
        _signature = signature;
    }

    /// <summary>The CA that issued (and signed) the list.</summary>
    public X500DistinguishedName Issuer { get; }

    /// <summary>When the list was issued.</summary>
    public DateTimeOffset ThisUpdate { get; }

    /// <summary>When the next list is due; absent lists cannot be told apart from abandoned ones.</summary>
    public DateTimeOffset? NextUpdate { get; }

    /// <summary>The signature algorithm's OID.</summary>
    public string SignatureAlgorithm { get; }

    /// <summary>The DER-encoded TBSCertList, the bytes the signature covers.</summary>
    public ReadOnlySpan<byte> SignedPart => _signedPart;

    /// <summary>The signature value.</summary>
    public ReadOnlySpan<byte> Signature => _signature;

    /// <summary>The revocation date of the certificate with this serial number, when the list revokes it.</summary>
    public DateTimeOffset? RevocationOf(ReadOnlySpan<byte> serialNumber) =>
        _revoked.TryGetValue(SerialKey(serialNumber), out var date) ? date : null;

    /// <summary>Reads a CRL from PEM (<c>-----BEGIN X509 CRL-----</c>) or DER bytes.</summary>
    /// <exception cref="FormatException">The bytes are not a CRL, or it carries a critical extension this reader does not understand.</exception>
    public static RevocationList Parse(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        try
        {
            return ParseDer(Der(content));
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException or ArgumentException)
        {
            throw new FormatException($"not a PEM or DER X.509 CRL ({e.Message})", e);
        }
    }

    private static byte[] Der(byte[] content)
    {
        var text = System.Text.Encoding.ASCII.GetString(content);
        if (!text.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            return content;
        }

        var fields = PemEncoding.Find(text);
        return text[fields.Label] == PemLabel
            ? Convert.FromBase64String(text[fields.Base64Data])
            : throw new FormatException($"the PEM block is a {text[fields.Label]}, not an {PemLabel}");
    }

    private static RevocationList ParseDer(byte[] der)
    {
        var outer = new AsnReader(der, AsnEncodingRules.DER);
        var certificateList = outer.ReadSequence();
        outer.ThrowIfNotEmpty();
        var signedPart = certificateList.ReadEncodedValue().ToArray();
        var algorithm = ReadAlgorithm(certificateList);
        var signature = certificateList.ReadBitString(out _);
        certificateList.ThrowIfNotEmpty();

        var tbs = new AsnReader(signedPart, AsnEncodingRules.DER).ReadSequence();
        if (tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Integer))
        {
            tbs.ReadInteger();
        }

        if (ReadAlgorithm(tbs) != algorithm)
        {
            throw new FormatException("the signed and the outer signature algorithms differ");
        }

        var issuer = new X500DistinguishedName(tbs.ReadEncodedValue().Span);
        var thisUpdate = ReadTime(tbs);
        DateTimeOffset? nextUpdate = tbs.HasData && IsTime(tbs.PeekTag()) ? ReadTime(tbs) : null;
        var revoked = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        if (tbs.HasData && tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
        {
            var entries = tbs.ReadSequence();
            while (entries.HasData)
            {
                var entry = entries.ReadSequence();
                var serial = entry.ReadIntegerBytes().Span;
                var date = ReadTime(entry);
                if (entry.HasData)
                {
                    RefuseCriticalExtensions(entry.ReadSequence(), "entry");
                }

                revoked[SerialKey(serial)] = date;
            }
        }

        if (tbs.HasData)
        {
            var explicitExtensions = tbs.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0));
            RefuseCriticalExtensions(explicitExtensions.ReadSequence(), "list");
        }

        tbs.ThrowIfNotEmpty();
        return new RevocationList(issuer, thisUpdate, nextUpdate, revoked, algorithm, signedPart, signature);
    }

    private static string ReadAlgorithm(AsnReader reader) => reader.ReadSequence().ReadObjectIdentifier();

    private static bool IsTime(Asn1Tag tag) =>
        tag.HasSameClassAndValue(Asn1Tag.UtcTime) || tag.HasSameClassAndValue(Asn1Tag.GeneralizedTime);

    private static DateTimeOffset ReadTime(AsnReader reader) =>
        reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) ? reader.ReadUtcTime() : reader.ReadGeneralizedTime();

    // A critical extension changes what the list covers (a delta CRL, a partitioned or indirect CRL); reading such a
    // list as a complete one could pass a revoked certificate, so it is refused (RFC 5280 §5.2, §5.3).
    private static void RefuseCriticalExtensions(AsnReader extensions, string where)
    {
        while (extensions.HasData)
        {
            var extension = extensions.ReadSequence();
            var id = extension.ReadObjectIdentifier();
            var critical = extension.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean) && extension.ReadBoolean();
            if (critical)
            {
                throw new FormatException($"the {where} carries the critical extension {id}, which fedmd does not support (issue a complete CRL without it)");
            }
        }
    }

    private static string SerialKey(ReadOnlySpan<byte> serial)
    {
        var start = 0;
        while (start < serial.Length - 1 && serial[start] == 0)
        {
            start++;
        }

        return Convert.ToHexString(serial[start..]);
    }
}

using System.Formats.Asn1;
using Fedmd.Publisher.Mirrors;

namespace Fedmd.Tests.Publisher.Mirrors;

/// <summary>What the CRL reader refuses, on lists built byte by byte (openssl and .NET issue only well-formed, complete ones).</summary>
public sealed class RevocationListTests
{
    private static readonly DateTimeOffset ThisUpdate = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_delta_crl_is_refused_since_it_lists_only_recent_revocations()
    {
        var failure = Assert.Throws<FormatException>(() => RevocationList.Parse(Crl(criticalExtension: "2.5.29.27")));

        Assert.Contains("critical extension 2.5.29.27", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_without_next_update_parses_with_none_and_keeps_its_revocations()
    {
        var list = RevocationList.Parse(Crl(nextUpdate: null));

        Assert.Null(list.NextUpdate);
        Assert.Equal(ThisUpdate, list.ThisUpdate);
        Assert.Equal(ThisUpdate.AddHours(-1), list.RevocationOf([0x00, 0x0A]));
        Assert.Null(list.RevocationOf([0x0B]));
    }

    [Fact]
    public void Bytes_that_are_not_a_crl_are_refused_with_a_format_error()
    {
        Assert.Throws<FormatException>(() => RevocationList.Parse("not a crl"u8.ToArray()));
    }

    private static byte[] Crl(string? criticalExtension = null, DateTimeOffset? nextUpdate = default)
    {
        var tbs = new AsnWriter(AsnEncodingRules.DER);
        using (tbs.PushSequence())
        {
            tbs.WriteInteger(1);
            WriteAlgorithm(tbs);
            using (tbs.PushSequence())
            using (tbs.PushSetOf())
            using (tbs.PushSequence())
            {
                tbs.WriteObjectIdentifier("2.5.4.3");
                tbs.WriteCharacterString(UniversalTagNumber.UTF8String, "test CA");
            }

            tbs.WriteUtcTime(ThisUpdate);
            if (nextUpdate != null || criticalExtension != null)
            {
                tbs.WriteUtcTime(nextUpdate ?? ThisUpdate.AddDays(1));
            }

            using (tbs.PushSequence())
            using (tbs.PushSequence())
            {
                tbs.WriteInteger(10);
                tbs.WriteUtcTime(ThisUpdate.AddHours(-1));
            }

            if (criticalExtension is not null)
            {
                using (tbs.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0)))
                using (tbs.PushSequence())
                using (tbs.PushSequence())
                {
                    tbs.WriteObjectIdentifier(criticalExtension);
                    tbs.WriteBoolean(true);
                    tbs.WriteOctetString([0x02, 0x01, 0x01]);
                }
            }
        }

        var list = new AsnWriter(AsnEncodingRules.DER);
        using (list.PushSequence())
        {
            list.WriteEncodedValue(tbs.Encode());
            WriteAlgorithm(list);
            list.WriteBitString(new byte[256]);
        }

        return list.Encode();
    }

    private static void WriteAlgorithm(AsnWriter writer)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier("1.2.840.113549.1.1.11");
            writer.WriteNull();
        }
    }
}

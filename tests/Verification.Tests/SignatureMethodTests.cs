using System.Security.Cryptography.Xml;
using Fedmd.Verification;

namespace Fedmd.Tests.Verification;

public sealed class SignatureMethodTests
{
    public static TheoryData<string> Rows => [.. SignatureMethod.All.Select(m => m.Name)];

    [Theory]
    [MemberData(nameof(Rows))]
    public void Every_row_is_found_by_its_name_and_by_its_uri_and_nothing_else_shares_them(string name)
    {
        var method = SignatureMethod.FromName(name);

        Assert.True(SignatureMethod.TryFromUri(method.Uri, out var byUri));
        Assert.Same(method, byUri);
        Assert.Single(SignatureMethod.All, m => m.Name == name);
        Assert.Single(SignatureMethod.All, m => m.Uri == method.Uri);
        Assert.Contains(method.DigestUri, SignatureMethod.DigestUris);
        Assert.Equal(name, method.ToString());
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Every_row_signs_and_digests_with_the_same_sha2_hash(string name)
    {
        var method = SignatureMethod.FromName(name);
        var bits = method.Hash.Name![3..];

        Assert.StartsWith("SHA", method.Hash.Name, StringComparison.Ordinal);
        Assert.EndsWith("sha" + bits, method.Uri, StringComparison.Ordinal);
        Assert.EndsWith("sha" + bits, method.DigestUri, StringComparison.Ordinal);
        Assert.StartsWith(method.KeyFamily == KeyFamily.Ec ? "ecdsa-" : "rsa-", name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rsa-sha1")]
    [InlineData("RSA-SHA256")]
    [InlineData("")]
    [InlineData(null)]
    public void A_name_outside_the_table_is_not_found(string? name)
    {
        Assert.False(SignatureMethod.TryFromName(name, out _));
    }

    [Theory]
    [InlineData(SignedXml.XmlDsigRSASHA1Url)]
    [InlineData("http://www.w3.org/2001/04/xmldsig-more#rsa-md5")]
    [InlineData("rsa-sha256")]
    public void A_uri_outside_the_table_is_not_found(string uri)
    {
        Assert.False(SignatureMethod.TryFromUri(uri, out _));
    }

    [Fact]
    public void The_default_is_rsa_sha256_and_no_sha1_digest_is_allowed()
    {
        Assert.Equal("rsa-sha256", SignatureMethod.Default.Name);
        Assert.DoesNotContain(SignedXml.XmlDsigSHA1Url, SignatureMethod.DigestUris);
    }

    [Fact]
    public void The_name_list_names_every_row_once_for_configuration_messages()
    {
        var list = SignatureMethod.NameList();

        Assert.All(SignatureMethod.All, m => Assert.Contains(m.Name, list, StringComparison.Ordinal));
        Assert.EndsWith(" or " + SignatureMethod.All[^1].Name, list, StringComparison.Ordinal);
    }
}

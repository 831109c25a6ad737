using Fedmd.Tests.EndToEnd.Support;
using Fedmd.TestSupport;

namespace Fedmd.Tests.EndToEnd.Spine;

/// <summary><c>fedmd sign</c> signs an existing unsigned aggregate or entity with the configured key.</summary>
public sealed class SignCommandTests
{
    [Fact]
    public void Signs_an_unsigned_aggregate_that_xmlsec1_and_samlsign_accept()
    {
        using var environment = new PassEnvironment();
        var unsigned = environment.Combine("unsigned.xml");
        var validUntil = DateTimeOffset.UtcNow.AddDays(5).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var entity = File.ReadAllText(RepositoryRoot.Combine("metadata-samples", "sp-library.xml"));
        entity = entity[(entity.IndexOf("?>", StringComparison.Ordinal) + 2)..];
        File.WriteAllText(unsigned, $"""<?xml version="1.0" encoding="UTF-8"?><md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" ID="_abc123" validUntil="{validUntil}">{entity}</md:EntitiesDescriptor>""");
        var signed = environment.Combine("signed.xml");

        var result = environment.Fedmd("sign", "--in", unsigned, "--out", signed);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.True(IndependentVerifiers.Xmlsec1Accepts(signed, environment.Token.CertificateFile));
        Assert.True(IndependentVerifiers.SamlsignAccepts(signed, environment.Token.CertificateFile));
    }

    [Fact]
    public void Signs_a_single_entity()
    {
        using var environment = new PassEnvironment();
        var unsigned = environment.Combine("entity.xml");
        File.WriteAllText(unsigned, File.ReadAllText(RepositoryRoot.Combine("metadata-samples", "hub.xml"))
            .Replace("<md:EntityDescriptor ", $"<md:EntityDescriptor ID=\"_hub\" validUntil=\"{DateTimeOffset.UtcNow.AddDays(3):yyyy-MM-dd'T'HH:mm:ss'Z'}\" ", StringComparison.Ordinal));
        var signed = environment.Combine("entity-signed.xml");

        var result = environment.Fedmd("sign", "--in", unsigned, "--out", signed);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.True(IndependentVerifiers.Xmlsec1Accepts(signed, environment.Token.CertificateFile, "EntityDescriptor"));
    }

    [Fact]
    public void A_document_without_an_id_is_refused_with_exit_1()
    {
        using var environment = new PassEnvironment();
        var unsigned = environment.Combine("no-id.xml");
        File.WriteAllText(unsigned, $"""<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" validUntil="{DateTimeOffset.UtcNow.AddDays(2):yyyy-MM-dd'T'HH:mm:ss'Z'}"/>""");

        var result = environment.Fedmd("sign", "--in", unsigned, "--out", environment.Combine("x.xml"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no ID attribute", result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("validUntil=\"next week\"")]
    [InlineData("validUntil=\"2001-01-01T00:00:00Z\"")]
    [InlineData("validUntil=\"2099-01-01T00:00:00Z\"")]
    public void A_document_without_a_usable_valid_until_is_refused_with_exit_1(string validUntil)
    {
        using var environment = new PassEnvironment();
        var unsigned = environment.Combine("no-valid-until.xml");
        File.WriteAllText(unsigned, $"""<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" ID="_x" {validUntil}/>""");

        var result = environment.Fedmd("sign", "--in", unsigned, "--out", environment.Combine("out.xml"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("validUntil", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("self-check", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(environment.Combine("out.xml")));
    }

    [Fact]
    public void A_document_malformed_after_megabytes_is_refused_after_the_copy_began_and_leaves_no_output()
    {
        using var environment = new PassEnvironment();
        var unsigned = environment.Combine("malformed-tail.xml");
        var validUntil = DateTimeOffset.UtcNow.AddDays(5).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var filler = string.Concat(Enumerable.Repeat("<md:Extensions>text</md:Extensions>", 60_000));
        File.WriteAllText(unsigned, $"""<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" ID="_tail" validUntil="{validUntil}">{filler}<md:EntityDescriptor></md:EntitiesDescriptor>""");
        var signed = environment.Combine("signed.xml");

        var result = environment.Fedmd("sign", "--in", unsigned, "--out", signed);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not safe, well-formed XML", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(signed));
        Assert.Empty(Directory.GetFiles(environment.Combine("."), "*fedmd-tmp*"));
    }
}

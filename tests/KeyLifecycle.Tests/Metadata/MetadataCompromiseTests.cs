using System.Text.Json;
using Fedmd.TestSupport;

namespace Fedmd.Tests.KeyLifecycle.Metadata;

/// <summary><c>fedmd compromise metadata</c>: the very next publication is signed by the announced next key alone.</summary>
public sealed class MetadataCompromiseTests : IDisposable
{
    private readonly MetadataRolloverWorkspace _workspace = new();

    [Fact]
    public void A_compromise_re_signs_every_feed_with_the_next_key_in_the_very_next_publication_and_publishes_an_advisory()
    {
        Assert.Equal(0, _workspace.Fedmd("rollover", "metadata", "announce", "--switch-at", "2031-01-01T00:00:00Z", "--certificate", _workspace.NextCertificateFile).ExitCode);
        _workspace.Pass();
        var compromised = _workspace.Token.CertificateFile;

        var result = _workspace.Fedmd("compromise", "metadata");

        Assert.True(result.ExitCode == 0, result.Output);
        var feed = _workspace.Published("federation-metadata.xml");
        Assert.True(IndependentVerifiers.Xmlsec1Accepts(feed, _workspace.NextCertificateFile), "the feed is signed by the next key");
        Assert.False(IndependentVerifiers.Xmlsec1Accepts(feed, compromised), "the feed no longer verifies with the compromised key");

        Assert.False(File.Exists(_workspace.Published("federation-metadata-next.xml")));
        Assert.False(File.Exists(_workspace.Published("metadata-signer-previous.crt")), "the compromised key is not offered as previous");
        Assert.Equal(File.ReadAllText(_workspace.NextCertificateFile).Trim(), File.ReadAllText(_workspace.Published("metadata-signer.crt")).Trim());
        Assert.Contains("considered compromised", File.ReadAllText(_workspace.Published("advisory.html")), StringComparison.Ordinal);
        using var state = JsonDocument.Parse(File.ReadAllBytes(_workspace.StateFile));
        Assert.Equal("finished", state.RootElement.GetProperty("phase").GetString());
        var contacts = File.ReadAllLines(Path.Combine(_workspace.StateDirectory, "contacts-to-notify.csv"));
        Assert.Equal("entityID,contactType,email", contacts[0]);
        Assert.Contains(contacts.Skip(1), line => line.Contains(",technical,", StringComparison.Ordinal));
        Assert.All(contacts.Skip(1), line => Assert.Matches("^[^,]+,(technical|security),[^,]+@[^,]+$", line));
        Assert.Contains("\"operation\":\"compromise-metadata\"", File.ReadAllText(_workspace.AuditLogFile), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_announced_key_a_compromise_generates_one_on_the_token_and_signs_every_feed_with_it()
    {
        _workspace.Pass();
        var compromised = _workspace.Token.CertificateFile;

        var result = _workspace.Fedmd("compromise", "metadata");

        Assert.True(result.ExitCode == 0, result.Output);
        var feed = _workspace.Published("federation-metadata.xml");
        var published = _workspace.Published("metadata-signer.crt");
        Assert.NotEqual(File.ReadAllText(compromised).Trim(), File.ReadAllText(published).Trim());
        Assert.NotEqual(File.ReadAllText(_workspace.NextCertificateFile).Trim(), File.ReadAllText(published).Trim());
        Assert.True(IndependentVerifiers.Xmlsec1Accepts(feed, published), "the feed is signed by the generated key");
        Assert.False(IndependentVerifiers.Xmlsec1Accepts(feed, compromised), "the feed no longer verifies with the compromised key");
        using var state = JsonDocument.Parse(File.ReadAllBytes(_workspace.StateFile));
        Assert.Equal("finished", state.RootElement.GetProperty("phase").GetString());
    }

    public void Dispose() => _workspace.Dispose();
}

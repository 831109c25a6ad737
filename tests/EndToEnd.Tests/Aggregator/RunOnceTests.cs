using Fedmd.TestSupport;
using Fedmd.TestSupport.SoftHsm;

namespace Fedmd.Tests.EndToEnd.Aggregator;

public class RunOnceTests
{
    private static readonly TestToken Token = TestHsm.CreateToken("runonce");

    [Fact]
    public void A_mixed_registry_publishes_exactly_the_good_entities_in_both_feeds_with_a_report()
    {
        using var workspace = new AggregatorWorkspace(Token);
        workspace.AddSamples(AggregatorWorkspace.AllSampleNames());
        workspace.AddBad("http-endpoint.xml", "schema-invalid.xml", "billion-laughs.xml", "duplicate-entityid.xml", "carries-signature-and-registrationinfo.xml");

        var result = workspace.Run("run", "--once");

        Assert.True(result.ExitCode == 0, result.Output);
        var full = workspace.EntityIds("federation-metadata.xml");
        Assert.Equal(14, full.Count);
        Assert.Contains("https://sp.signed.example.ac.za/shibboleth", full);
        Assert.DoesNotContain("https://idp.uni-a.example.ac.za/idp/shibboleth", full);
        Assert.Equal(full.Order(StringComparer.Ordinal), full);
        Assert.Equal(
            ["https://gateway.research.example.ac.za/proxy/metadata", "https://hub.fedmd.example.ac.za/idp/metadata"],
            workspace.EntityIds("idp-proxies.xml"));
        foreach (var feed in new[] { "federation-metadata.xml", "idp-proxies.xml" })
        {
            Assert.True(IndependentVerifiers.Xmlsec1Accepts(workspace.Published(feed), Token.CertificateFile), feed);
            Assert.True(IndependentVerifiers.SamlsignAccepts(workspace.Published(feed), Token.CertificateFile), feed);
        }

        var report = File.ReadAllText(workspace.Published("report.txt"));
        foreach (var (file, rule) in new[]
                 {
                     ("http-endpoint.xml", "endpoint.https"), ("schema-invalid.xml", "schema.valid"), ("billion-laughs.xml", "xml.dtd"),
                     ("duplicate-entityid.xml", "entityid.unique"), ("idp-uni-a.xml", "entityid.unique"),
                 })
        {
            Assert.Contains(Path.Combine(workspace.Registry, file), report, StringComparison.Ordinal);
            Assert.Contains($"[{rule}]", report, StringComparison.Ordinal);
        }

        Assert.Contains("\"fileName\": \"idp-proxies.xml\"", File.ReadAllText(workspace.Published("report.json")), StringComparison.Ordinal);
        var page = File.ReadAllText(workspace.Published("fingerprint.html"));
        Assert.Contains("idp-proxies.xml", page, StringComparison.Ordinal);
        Assert.Contains("\"https://sp.signed.example.ac.za/shibboleth\"", File.ReadAllText(workspace.Ledger), StringComparison.Ordinal);
    }

    [Fact]
    public void The_registration_instant_stays_the_same_across_runs_and_the_second_report_shows_no_difference()
    {
        using var workspace = new AggregatorWorkspace(Token);
        workspace.AddSamples(AggregatorWorkspace.AllSampleNames());

        Assert.Equal(0, workspace.Run("run", "--once").ExitCode);
        var ledger = File.ReadAllText(workspace.Ledger);
        var firstFeed = File.ReadAllText(workspace.Published("federation-metadata.xml"));
        Thread.Sleep(1100);
        var second = workspace.Run("run", "--once");

        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Equal(ledger, File.ReadAllText(workspace.Ledger));
        var instants = System.Text.RegularExpressions.Regex.Matches(firstFeed, "registrationInstant=\"[^\"]+\"").Select(m => m.Value).ToList();
        Assert.Equal(instants, System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(workspace.Published("federation-metadata.xml")), "registrationInstant=\"[^\"]+\"").Select(m => m.Value));
        var report = File.ReadAllText(workspace.Published("report.txt"));
        Assert.Contains("14 entities, validUntil", report, StringComparison.Ordinal);
        Assert.Contains("previously 14", report, StringComparison.Ordinal);
        Assert.DoesNotContain("added:", report, StringComparison.Ordinal);
        Assert.DoesNotContain("changed:", report, StringComparison.Ordinal);
    }
}

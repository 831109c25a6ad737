using System.Text;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Cli.Printing;
using Fedmd.Metadata.Values;
using Fedmd.Pass;
using Fedmd.TestSupport;

namespace Fedmd.Tests.EndToEnd.Printing;

/// <summary>The console summary's rejected entities: an eduGAIN import rejects hundreds, the console lists 20.</summary>
public sealed class PassSummaryRejectedTests
{
    [Fact]
    public void Beyond_twenty_rejected_entities_the_rest_is_counted_and_left_to_the_report()
    {
        var text = Printed(Rejected(250), ["/srv/www/federation-metadata.xml", "/srv/www/report.json", "/srv/www/report.txt"]);

        Assert.Contains("Entities rejected: 250", text, StringComparison.Ordinal);
        Assert.Contains("  entity-019.xml\n    error [key.strength] entity 19 is broken\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("entity-020.xml", text, StringComparison.Ordinal);
        Assert.Contains("\n  and 230 more: see /srv/www/report.txt\n", text, StringComparison.Ordinal);
        Assert.Equal(20, text.Split('\n').Count(l => l.StartsWith("  entity-", StringComparison.Ordinal)));
    }

    [Fact]
    public void Twenty_rejected_entities_are_all_listed_with_no_remainder_line()
    {
        var text = Printed(Rejected(20), []);

        Assert.Contains("entity-019.xml", text, StringComparison.Ordinal);
        Assert.DoesNotContain("more: see", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_published_report_the_remainder_line_names_report_txt()
    {
        var text = Printed(Rejected(21), []);

        Assert.Contains("\n  and 1 more: see report.txt\n", text, StringComparison.Ordinal);
    }

    private static List<EntityItem> Rejected(int count) => Enumerable.Range(0, count).Select(i =>
    {
        var item = new EntityItem($"entity-{i:D3}.xml", Encoding.UTF8.GetBytes("<x/>"));
        item.AddError("key.strength", $"entity {i} is broken");
        return item;
    }).ToList();

    private static string Printed(List<EntityItem> rejected, IReadOnlyList<string> written)
    {
        var (key, certificate) = TestCertificates.CreateRsa("fedmd summary test");
        key.Dispose();
        using (certificate)
        {
            var outcome = new PassOutcome([], rejected, [], CertificateFingerprint.Of(certificate, FingerprintAlgorithm.Sha256), written, [], [], DateTimeOffset.UtcNow);
            using var output = new StringWriter { NewLine = "\n" };
            PassSummary.Print(outcome, output);
            return output.ToString();
        }
    }
}

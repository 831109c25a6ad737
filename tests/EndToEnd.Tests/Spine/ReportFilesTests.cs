using System.Text;
using Fedmd.Aggregator.Feeds;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Registry;
using Fedmd.Aggregator.Reporting;
using Fedmd.Metadata.Xml;
using Fedmd.Pass.Reporting;
using Fedmd.Tests.EndToEnd.Support;
using Fedmd.TestSupport;

namespace Fedmd.Tests.EndToEnd.Spine;

/// <summary>The report files are streamed, and hold exactly the bytes the report's serialisers make in memory.</summary>
public sealed class ReportFilesTests
{
    [Fact]
    public void The_streamed_report_files_equal_the_reports_rendered_in_memory_and_are_published_from_the_directory()
    {
        var report = SampleReport();
        using var directory = new TemporaryDirectory();

        var files = ReportFiles.WriteForPublication(directory.Path, report);

        Assert.Equal([ReportJson.FileName, ReportText.FileName], files.Select(f => f.Name));
        Assert.Equal(ReportJson.ToBytes(report), File.ReadAllBytes(directory.Combine(ReportJson.FileName)));
        Assert.Equal(Encoding.UTF8.GetBytes(ReportText.Render(report)), File.ReadAllBytes(directory.Combine(ReportText.FileName)));
        Assert.Equal(ReportJson.ToBytes(report), files[0].Content.ToArray());
        Assert.Equal(new FileInfo(directory.Combine(ReportText.FileName)).Length, files[1].Content.Length);
    }

    internal static RunReport SampleReport()
    {
        var aggregation = SampleAggregation.For(new FeedDefinition("https://fedmd.example.ac.za/metadata", "federation-metadata.xml", FeedSelection.All));
        var samples = RepositoryRoot.Combine("metadata-samples");
        var report = aggregation.Run("run", samples, new RegistryDirectory(samples, SafeXmlLoader.DefaultMaxBytes).ReadItems(), PassContext.At(DateTimeOffset.UtcNow)).Report;
        Assert.NotEmpty(report.Entities);
        return report;
    }
}

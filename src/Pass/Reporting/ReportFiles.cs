using System.Text;
using Fedmd.Aggregator.Reporting;
using Fedmd.Metadata.Files;
using Fedmd.Publisher.Publication;

namespace Fedmd.Pass.Reporting;

/// <summary>The run report as files: <c>report.json</c> and <c>report.txt</c>, published, kept or written on request.</summary>
public static class ReportFiles
{
    /// <summary><c>report.json</c> and <c>report.txt</c> for publication.</summary>
    public static IReadOnlyList<PublicationFile> For(RunReport report) =>
    [
        new PublicationFile(ReportJson.FileName, ReportJson.ToBytes(report)),
        new PublicationFile(ReportText.FileName, Encoding.UTF8.GetBytes(ReportText.Render(report))),
    ];

    /// <summary>Writes the report files into <paramref name="directory"/>, names prefixed; returns the text report's path.</summary>
    public static string WriteTo(string directory, RunReport report, string prefix = "")
    {
        var written = string.Empty;
        foreach (var file in For(report))
        {
            written = Path.Combine(directory, prefix + file.Name);
            AtomicFileWriter.Write(written, file.Content.ToArray());
        }

        return written;
    }
}

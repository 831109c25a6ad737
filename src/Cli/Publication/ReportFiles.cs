using System.Text;
using Fedmd.Aggregator.Reporting;
using Fedmd.Publisher.Local;
using Fedmd.Publisher.Publication;

namespace Fedmd.Cli.Publication;

/// <summary>
/// The run report as files: published beside the feeds after a successful pass, or kept in the state directory after a
/// refusal (the web root, and so the previous publication and its report, stay untouched).
/// </summary>
public static class ReportFiles
{
    /// <summary>Prefix of the report files a refused pass leaves in the state directory.</summary>
    public const string RefusedPrefix = "refused-";

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
            AtomicFileWriter.Write(written, file.Content);
        }

        return written;
    }

    /// <summary>Writes the report of a refused pass into the state directory and returns the text report's path.</summary>
    public static string WriteRefused(string stateDirectory, RunReport report) => WriteTo(stateDirectory, report, RefusedPrefix);
}

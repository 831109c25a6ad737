using Fedmd.Metadata.Files;
using System.Text;
using Fedmd.Aggregator.Reporting;
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

    /// <summary>Folder of the state directory that keeps the last published report, the drop guard's baseline.</summary>
    public const string BaselineFolder = "published-report";

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

    /// <summary>
    /// The last published report: the baseline the drop guard and <c>fedmd check</c> compare with. It is kept in the
    /// state directory, out of reach of whoever can write the web root; the copy beside the feeds is read only when
    /// the state has none yet (a new or moved installation).
    /// </summary>
    public static RunReport? ReadBaseline(string stateDirectory, string publishDirectory) =>
        ReportJson.ReadPrevious(Path.Combine(stateDirectory, BaselineFolder)) ?? ReportJson.ReadPrevious(publishDirectory);

    /// <summary>Keeps a published report as the next pass's baseline.</summary>
    public static void WriteBaseline(string stateDirectory, RunReport report)
    {
        var directory = Path.Combine(stateDirectory, BaselineFolder);
        Directory.CreateDirectory(directory);
        WriteTo(directory, report);
    }
}

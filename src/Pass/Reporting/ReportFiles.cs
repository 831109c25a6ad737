using System.Text;
using Fedmd.Aggregator.Reporting;
using Fedmd.Metadata.Files;
using Fedmd.Publisher.Publication;

namespace Fedmd.Pass.Reporting;

/// <summary>
/// The run report as files: <c>report.json</c> and <c>report.txt</c>, published, kept or written on request. Each is
/// written as a stream, never held whole as bytes: a large registry's report is tens of MB.
/// </summary>
public static class ReportFiles
{
    /// <summary>
    /// Writes <c>report.json</c> and <c>report.txt</c> into <paramref name="directory"/> (the pass's work directory)
    /// and returns them for publication, read from there.
    /// </summary>
    public static IReadOnlyList<PublicationFile> WriteForPublication(string directory, RunReport report)
    {
        WriteTo(directory, report);
        return [Published(directory, ReportJson.FileName), Published(directory, ReportText.FileName)];
    }

    /// <summary>Writes the report files into <paramref name="directory"/>, names prefixed; returns the text report's path.</summary>
    public static string WriteTo(string directory, RunReport report, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(report);
        AtomicFileWriter.Write(Path.Combine(directory, prefix + ReportJson.FileName), stream => ReportJson.Write(stream, report));
        var text = Path.Combine(directory, prefix + ReportText.FileName);
        AtomicFileWriter.Write(text, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16, leaveOpen: true);
            ReportText.Write(writer, report);
        });
        return text;
    }

    private static PublicationFile Published(string directory, string name) => new(name, FileContent.InFile(Path.Combine(directory, name)));
}

using System.Globalization;
using System.Text.RegularExpressions;
using Fedmd.Publisher.Local;
using Fedmd.Publisher.Publication;

namespace Fedmd.Publisher.History;

/// <summary>
/// Keeps the last <c>versions</c> publications, each in its own directory named by its UTC time
/// (<c>history/20260101T120000000Z/</c>) holding the feeds, the pages and the pass's reports, so an operator can
/// see or restore what was served at any recent hour. A version appears complete or not at all: it is written
/// under a hidden name and renamed, through the same file-system steps as the web root's publication. Only
/// directories named like a version are versions: the advisories and anything else an operator keeps beside them are
/// never counted or pruned.
/// </summary>
/// <param name="directory">The history directory.</param>
/// <param name="versions">How many versions to keep.</param>
/// <param name="files">The file-system steps; the POSIX implementation by default.</param>
internal sealed partial class PublicationHistory(string directory, int versions, IPublicationFileSystem? files = null)
{
    private readonly IPublicationFileSystem _files = files ?? new PosixPublicationFileSystem();

    private const string StampFormat = "yyyyMMdd'T'HHmmssfff'Z'";

    /// <summary>The history directory.</summary>
    public string Directory { get; } = directory;

    /// <summary>Records <paramref name="publication"/> as a new version and removes the versions beyond the limit.</summary>
    /// <returns>The new version's directory.</returns>
    public string Record(PublicationSet publication)
    {
        ArgumentNullException.ThrowIfNull(publication);
        _files.CreateDirectory(Directory);
        RemoveUnfinished();
        var name = FreeName(publication.PublishedAt.UtcDateTime.ToString(StampFormat, CultureInfo.InvariantCulture));
        var staging = Path.Combine(Directory, "." + name + ".partial");
        _files.CreateDirectory(staging);
        try
        {
            foreach (var file in publication.ServedFiles)
            {
                _files.WriteNewFile(Path.Combine(staging, file.Name), file.Content);
            }

            _files.SyncDirectory(staging);
        }
        catch
        {
            // A half-written version is never kept; a kill -9 here leaves one for the next Record to remove.
            _files.Delete(staging);
            throw;
        }

        var version = Path.Combine(Directory, name);
        _files.Rename(staging, version);
        _files.SyncDirectory(Directory);
        Prune();
        return version;
    }

    /// <summary>The recorded versions' directories, newest first.</summary>
    public IReadOnlyList<string> Versions() =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.EnumerateDirectories(Directory)
                .Where(d => VersionName().IsMatch(Path.GetFileName(d)))
                .OrderDescending(StringComparer.Ordinal)
                .ToList()
            : [];

    // A stamp, with "-N" when two publications share a millisecond.
    [GeneratedRegex(@"^[0-9]{8}T[0-9]{9}Z(-[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex VersionName();

    private string FreeName(string stamp)
    {
        var name = stamp;
        for (var n = 2; System.IO.Directory.Exists(Path.Combine(Directory, name)); n++)
        {
            name = string.Create(CultureInfo.InvariantCulture, $"{stamp}-{n}");
        }

        return name;
    }

    private void RemoveUnfinished()
    {
        foreach (var partial in System.IO.Directory.EnumerateDirectories(Directory, ".*.partial"))
        {
            _files.Delete(partial);
        }
    }

    private void Prune()
    {
        foreach (var old in Versions().Skip(versions))
        {
            _files.Delete(old);
        }
    }
}

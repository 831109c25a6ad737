using System.Globalization;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Files;
using Fedmd.Publisher.History;
using Fedmd.Publisher.Publication;
using Fedmd.Publisher.Targets;

namespace Fedmd.Publisher.Local;

/// <summary>
/// The embedded default target: a directory a web server serves, switched as a whole. Each publication is written
/// complete (feeds, certificate, pages, advisory, reports, every file flushed, then its directory) into a new set
/// beside the served path; the served path is a symbolic link, replaced in one rename(2) by a link to the new set, and
/// its directory is flushed. A reader, or a crash at any moment, sees the complete previous set or the complete new
/// one, never a mix (see docs/publishing.md). A served path that is still a real directory is migrated by swapping it
/// with the first link (renameat2 RENAME_EXCHANGE). The history is recorded before the switch; sets and switch links
/// left by an interrupted publication, and every set but the current one, are removed at the start of the next, so a
/// reader in the middle of a request never loses its directory.
/// </summary>
public sealed class LocalWebRootTarget : IPublicationTarget
{
    /// <summary>Name of the history directory inside the web root.</summary>
    public const string HistoryDirectoryName = "history";

    private readonly WebRootLayout _layout;
    private readonly PublicationHistory _history;
    private readonly IReadOnlyList<string> _configuredSecrets;
    private readonly IPublicationFileSystem _files;

    /// <summary>A target for <paramref name="webRoot"/> keeping <paramref name="historyVersions"/> publications.</summary>
    /// <param name="webRoot">The served path (<c>Publish:Directory</c>).</param>
    /// <param name="historyVersions">How many publications the history keeps.</param>
    /// <param name="configuredSecrets">Files the configuration names as secrets, which must never lie under the web root.</param>
    /// <param name="files">The file-system steps; the POSIX implementation unless a test injects faults.</param>
    public LocalWebRootTarget(string webRoot, int historyVersions, IReadOnlyList<string> configuredSecrets, IPublicationFileSystem? files = null)
    {
        _layout = new WebRootLayout(webRoot);
        _files = files ?? new PosixPublicationFileSystem();
        _history = new PublicationHistory(_layout.History, historyVersions, _files);
        _configuredSecrets = configuredSecrets;
    }

    /// <inheritdoc />
    public string Name => "local " + _layout.Served;

    /// <inheritdoc />
    public Task PublishAsync(PublicationSet publication, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publication);
        WebRootGuard.Require(_layout.Served, _configuredSecrets);
        try
        {
            _files.CreateDirectory(_layout.Sets);
            RemoveLeftovers();
            AdoptHistoryOfRealDirectory();
            _history.Record(publication);
            var id = WriteSet(publication, cancellationToken);
            Switch(id);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FedmdException(FailureKind.Infrastructure, $"cannot publish into {_layout.Served}: {e.Message}", e);
        }

        return Task.CompletedTask;
    }

    private string WriteSet(PublicationSet publication, CancellationToken cancellationToken)
    {
        var id = publication.PublishedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        var set = Path.Combine(_layout.Sets, id);
        _files.CreateDirectory(set);
        foreach (var file in publication.ServedFiles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _files.WriteNewFile(Path.Combine(set, file.Name), file.Content);
        }

        _files.CreateSymbolicLink(Path.Combine(set, HistoryDirectoryName), WebRootLayout.HistoryLinkTarget);
        _files.SyncDirectory(set);
        _files.SyncDirectory(_layout.Sets);
        return id;
    }

    private void Switch(string id)
    {
        var link = Path.Combine(_layout.Parent, _layout.SwitchPrefix + Guid.NewGuid().ToString("N"));
        _files.CreateSymbolicLink(link, _layout.LinkTo(id));
        if (!_layout.ServedIsRealDirectory)
        {
            _files.Rename(link, _layout.Served);
            _files.SyncDirectory(_layout.Parent);
            return;
        }

        // Migration, once: the old directory lands at the switch link's name; a crash before its removal leaves it
        // to the next publication's clean-up.
        _files.Exchange(link, _layout.Served);
        _files.SyncDirectory(_layout.Parent);
        _files.Delete(link);
    }

    private void RemoveLeftovers()
    {
        foreach (var entry in Directory.EnumerateFileSystemEntries(_layout.Parent, _layout.SwitchPrefix + "*"))
        {
            _files.Delete(entry);
        }

        var current = _layout.CurrentSet();
        foreach (var entry in Directory.EnumerateFileSystemEntries(_layout.Sets))
        {
            if (!WebRootLayout.IsHistory(entry) && Path.GetFileName(entry) != current)
            {
                _files.Delete(entry);
            }
        }

        // Temporary files of an advisory written into the served directory by a killed process.
        if (Directory.Exists(_layout.Served))
        {
            foreach (var temporary in Directory.EnumerateFiles(_layout.Served, AtomicFileWriter.TemporaryPattern))
            {
                _files.Delete(temporary);
            }
        }
    }

    // A real served directory (before the first switch) keeps its history in place: move it beside the sets, where
    // every set's history link leads. An interrupted move is finished entry by entry.
    private void AdoptHistoryOfRealDirectory()
    {
        var legacy = Path.Combine(_layout.Served, HistoryDirectoryName);
        if (!_layout.ServedIsRealDirectory || !Directory.Exists(legacy) || new DirectoryInfo(legacy).LinkTarget is not null)
        {
            return;
        }

        if (!Directory.Exists(_layout.History))
        {
            _files.Rename(legacy, _layout.History);
        }
        else
        {
            foreach (var entry in Directory.EnumerateFileSystemEntries(legacy, "*", SearchOption.AllDirectories).Where(File.Exists))
            {
                var moved = Path.Combine(_layout.History, Path.GetRelativePath(legacy, entry));
                if (!Path.Exists(moved))
                {
                    _files.CreateDirectory(Path.GetDirectoryName(moved)!);
                    _files.Rename(entry, moved);
                }
            }

            _files.Delete(legacy);
        }

        _files.SyncDirectory(_layout.Sets);
        _files.SyncDirectory(_layout.Served);
    }
}

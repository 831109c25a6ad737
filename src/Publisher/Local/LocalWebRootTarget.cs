using Fedmd.Metadata.Files;
using Fedmd.Metadata.Failures;
using Fedmd.Publisher.History;
using Fedmd.Publisher.Publication;
using Fedmd.Publisher.Targets;

namespace Fedmd.Publisher.Local;

/// <summary>
/// The embedded default target: a directory a web server serves. Each file is replaced atomically (a reader gets the
/// old or the new file, never a mix), every file is world-readable, the version is recorded in the history first, and
/// temporary files left by an interrupted run are removed.
/// </summary>
public sealed class LocalWebRootTarget(string webRoot, PublicationHistory history, IReadOnlyList<string> configuredSecrets) : IPublicationTarget
{
    /// <summary>Name of the history directory inside the web root.</summary>
    public const string HistoryDirectoryName = "history";

    /// <inheritdoc />
    public string Name => "local " + webRoot;

    /// <inheritdoc />
    public Task PublishAsync(PublicationSet publication, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publication);
        WebRootGuard.Require(webRoot, configuredSecrets);
        try
        {
            Directory.CreateDirectory(webRoot);
            RemoveInterruptedWrites();
            history.Record(publication);
            foreach (var file in publication.ServedFiles)
            {
                cancellationToken.ThrowIfCancellationRequested();
                AtomicFileWriter.Write(Path.Combine(webRoot, file.Name), file.Content);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FedmdException(FailureKind.Infrastructure, $"cannot publish into {webRoot}: {e.Message}", e);
        }

        return Task.CompletedTask;
    }

    private void RemoveInterruptedWrites()
    {
        foreach (var temporary in Directory.EnumerateFiles(webRoot, AtomicFileWriter.TemporaryPattern))
        {
            File.Delete(temporary);
        }
    }
}

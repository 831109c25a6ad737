using Fedmd.Metadata.Failures;

namespace Fedmd.Publisher.Local;

/// <summary>Publishes into a local web root, each file replaced atomically.</summary>
public sealed class LocalDirectoryPublisher(string webRoot)
{
    /// <summary>The web root.</summary>
    public string WebRoot { get; } = webRoot;

    /// <summary>Publishes the files in order; returns the full paths written.</summary>
    /// <exception cref="FedmdException">The disk refused a write (infrastructure failure).</exception>
    public IReadOnlyList<string> Publish(IEnumerable<PublicationFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var written = new List<string>();
        foreach (var file in files)
        {
            var target = Path.Combine(WebRoot, file.Name);
            try
            {
                AtomicFileWriter.Write(target, file.Content);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new FedmdException(FailureKind.Infrastructure, $"cannot write {target}: {e.Message}", e);
            }

            written.Add(target);
        }

        return written;
    }
}

using System.Text;
using Fedmd.Metadata.Failures;

namespace Fedmd.Publisher.Local;

/// <summary>
/// Refuses a web root that holds secrets: a file the configuration names as a PIN or key, a file whose name says it
/// is a key store or PIN, or a file that starts like a PEM private key. Everything under the web root is public.
/// </summary>
public static class WebRootGuard
{
    private static readonly string[] SecretExtensions = [".key", ".pin", ".p12", ".pfx", ".p8", ".pk8", ".jks", ".keystore"];
    private const int InspectedBytes = 8192;

    /// <summary>Throws a configuration failure naming the first secret found under <paramref name="webRoot"/>.</summary>
    /// <param name="webRoot">The web root; need not exist yet.</param>
    /// <param name="configuredSecrets">Files the configuration names as secrets (PIN files, client keys).</param>
    /// <exception cref="FedmdException">A secret lies under the web root (exit 2).</exception>
    public static void Require(string webRoot, IEnumerable<string> configuredSecrets)
    {
        ArgumentNullException.ThrowIfNull(configuredSecrets);
        var given = Path.TrimEndingDirectorySeparator(Path.GetFullPath(webRoot));
        if (File.Exists(given))
        {
            // Checked before anything is signed: a pass that signs and then cannot publish leaves an audit line for nothing.
            throw new FedmdException(FailureKind.Configuration,
                $"web root {given} (Publish:Directory or --publish-dir) is a file, not a directory; name a directory, or remove the file");
        }

        var layout = new WebRootLayout(webRoot);
        var root = Inside(layout.Served);
        var real = Inside(RealServedDirectory(layout));
        var sets = Inside(layout.Sets);
        bool Public(string path) => path.StartsWith(root, StringComparison.Ordinal) || path.StartsWith(real, StringComparison.Ordinal) || path.StartsWith(sets, StringComparison.Ordinal);
        foreach (var secret in configuredSecrets.Select(Path.GetFullPath))
        {
            if (Public(secret))
            {
                Refuse(secret, "is configured as a PIN or private key file");
            }
        }

        if (!Directory.Exists(real))
        {
            return;
        }

        // The served set, and the history beside the sets that its history link leads to.
        string[] trees = Directory.Exists(layout.History) ? [real, Inside(layout.History)] : [real];
        foreach (var tree in trees)
        {
            // nginx follows links, so a link to a file elsewhere would publish that file, a PIN or key included.
            foreach (var link in Links(tree))
            {
                var target = link.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
                if (target is not null && !Public(Inside(target)))
                {
                    Refuse(link.FullName, $"is a link to {target}, outside the web root");
                }
            }

            var walk = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = false };
            foreach (var file in Directory.EnumerateFiles(tree, "*", walk))
            {
                if (SecretExtensions.Contains(Path.GetExtension(file).ToLowerInvariant()))
                {
                    Refuse(file, "has the name of a private key, key store or PIN file");
                }

                if (StartsLikePrivateKey(file))
                {
                    Refuse(file, "holds a PEM private key");
                }
            }
        }
    }

    // The directory the served path shows: the current set when it is a link (resolved from the link's own directory,
    // so the set's relative history link resolves as the kernel resolves it), else the path itself.
    private static string RealServedDirectory(WebRootLayout layout) =>
        new FileInfo(layout.Served).LinkTarget is { } target ? Path.GetFullPath(target, layout.Parent) : layout.Served;

    private static string Inside(string directory) => Path.TrimEndingDirectorySeparator(directory) + Path.DirectorySeparatorChar;

    // Every link under the root, without recursing through links (which could loop).
    private static System.IO.Enumeration.FileSystemEnumerable<FileSystemInfo> Links(string root) =>
        new System.IO.Enumeration.FileSystemEnumerable<FileSystemInfo>(
            root,
            (ref System.IO.Enumeration.FileSystemEntry entry) => entry.ToFileSystemInfo(),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false })
        {
            ShouldIncludePredicate = (ref System.IO.Enumeration.FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) != 0,
            ShouldRecursePredicate = (ref System.IO.Enumeration.FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) == 0,
        };

    private static bool StartsLikePrivateKey(string file)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }

        using var opened = stream;
        var buffer = new byte[InspectedBytes];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var head = Encoding.ASCII.GetString(buffer, 0, read);
        return head.Contains("-----BEGIN", StringComparison.Ordinal) && head.Contains("PRIVATE KEY-----", StringComparison.Ordinal);
    }

    private static void Refuse(string file, string why) =>
        throw new FedmdException(FailureKind.Configuration,
            $"refusing to publish: {file} {why} and lies under the web root, where anyone can fetch it; move it out of the web root (and replace the secret if it was ever served)");
}

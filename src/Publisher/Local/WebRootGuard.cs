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
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(webRoot)) + Path.DirectorySeparatorChar;
        if (File.Exists(Path.TrimEndingDirectorySeparator(root)))
        {
            // Checked before anything is signed: a pass that signs and then cannot publish leaves an audit line for nothing.
            throw new FedmdException(FailureKind.Configuration,
                $"web root {Path.TrimEndingDirectorySeparator(root)} (Publish:Directory or --publish-dir) is a file, not a directory; name a directory, or remove the file");
        }

        foreach (var secret in configuredSecrets.Select(Path.GetFullPath))
        {
            if (secret.StartsWith(root, StringComparison.Ordinal))
            {
                Refuse(secret, "is configured as a PIN or private key file");
            }
        }

        if (!Directory.Exists(root))
        {
            return;
        }

        // nginx follows links, so a link to a file elsewhere would publish that file, a PIN or key included.
        foreach (var link in Links(root))
        {
            var target = link.ResolveLinkTarget(returnFinalTarget: true)?.FullName;
            if (target is not null && !target.StartsWith(root, StringComparison.Ordinal))
            {
                Refuse(link.FullName, $"is a link to {target}, outside the web root");
            }
        }

        var walk = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = false };
        foreach (var file in Directory.EnumerateFiles(root, "*", walk))
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

using System.Globalization;
using Fedmd.Metadata.Files;

namespace Fedmd.KeyLifecycle.DualControl;

/// <summary>
/// The approvals folder (<c>StateDirectory/approvals/</c>): each approval is a document
/// <c>CHANGE.PRINCIPAL.STAMP.RANDOM.approval</c> and ssh-keygen's signature beside it, <c>… .approval.sig</c>. Files are
/// never edited; an expired approval simply stops counting.
/// </summary>
/// <param name="directory">The folder.</param>
public sealed class ApprovalStore(string directory)
{
    private const string Extension = ".approval";

    /// <summary>The folder.</summary>
    public string Directory { get; } = directory;

    /// <summary>Writes <paramref name="document"/> under a name of its own and returns the path; the signature goes beside it.</summary>
    public string Write(ApprovalDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        System.IO.Directory.CreateDirectory(Directory);
        var stamp = document.IssuedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        // A random tail keeps two approvals made in one second apart; ssh-keygen never overwrites a signature.
        var tail = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));
        var path = Path.Combine(Directory, $"{document.Change.Value}.{document.Principal}.{stamp}.{tail}{Extension}");
        AtomicFileWriter.Write(path, document.ToBytes());
        return path;
    }

    /// <summary>Every stored approval document, with its signature file's path (which may not exist).</summary>
    public IReadOnlyList<(string DocumentPath, string SignaturePath)> All() =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.EnumerateFiles(Directory, "*" + Extension)
                .Order(StringComparer.Ordinal)
                .Select(p => (p, p + ".sig"))
                .ToList()
            : [];

    /// <summary>Whether <paramref name="documentPath"/>'s file name says it approves <paramref name="change"/>.</summary>
    public static bool IsNamedFor(string documentPath, ChangeId change) =>
        Path.GetFileName(documentPath).StartsWith(change.Value + ".", StringComparison.Ordinal);
}

using Fedmd.TestSupport;

namespace Fedmd.Tests.Packaging.Support;

/// <summary>The Debian package's files unpacked with <c>dpkg-deb -x</c> into a temporary directory.</summary>
public sealed class ExtractedPackage : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    /// <summary>Unpacks <paramref name="package"/>.</summary>
    public ExtractedPackage(string package)
    {
        var result = ExternalTool.Run("dpkg-deb", ["-x", package, _directory.Path]);
        Assert.True(result.ExitCode == 0, result.Output);
    }

    /// <summary>The path of an installed file inside the unpacked tree, e.g. <c>/etc/fedmd/fedmd.json</c>.</summary>
    public string File(string installedPath) => _directory.Combine(installedPath.TrimStart('/'));

    /// <inheritdoc />
    public void Dispose() => _directory.Dispose();
}

using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Files;
using Fedmd.TestSupport;

namespace Fedmd.Tests.Metadata.Files;

/// <summary>
/// A full or read-only file system, made real with a tiny tmpfs (the tests run as root; mount is part of the test
/// environment like SoftHSM2), gives one line naming the path and the cause, and leaves no temporary behind.
/// </summary>
public sealed class AtomicFileWriterFailureTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    private string MountPoint => _directory.Combine("mnt");

    [Fact]
    public void A_full_disk_is_an_infrastructure_failure_naming_the_path_and_leaves_no_temporary()
    {
        Mount("size=64k");
        var path = Path.Combine(MountPoint, "federation-metadata.xml");

        var failure = Assert.Throws<FedmdException>(() => AtomicFileWriter.Write(path, new byte[1024 * 1024]));

        Assert.Equal(FailureKind.Infrastructure, failure.Kind);
        Assert.Contains(path, failure.Message, StringComparison.Ordinal);
        Assert.Contains("disk full", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', failure.Message);
        Assert.Empty(Directory.GetFileSystemEntries(MountPoint));
    }

    [Fact]
    public void A_read_only_file_system_is_an_infrastructure_failure_naming_the_path()
    {
        Mount("size=64k,ro");
        var path = Path.Combine(MountPoint, "federation-metadata.xml");

        var failure = Assert.Throws<FedmdException>(() => AtomicFileWriter.Write(path, "x"u8));

        Assert.Equal(FailureKind.Infrastructure, failure.Kind);
        Assert.Contains(path, failure.Message, StringComparison.Ordinal);
        Assert.Contains("read-only", failure.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(MountPoint))
        {
            ExternalTool.Run("umount", [MountPoint]);
        }

        _directory.Dispose();
    }

    private void Mount(string options)
    {
        Directory.CreateDirectory(MountPoint);
        var mounted = ExternalTool.Run("mount", ["-t", "tmpfs", "-o", options, "tmpfs", MountPoint]);
        Assert.True(mounted.ExitCode == 0, $"mount -t tmpfs failed (the tests need root): {mounted.StandardError}");
    }
}

using Fedmd.Publisher.Local;
using Fedmd.Publisher.Publication;
using Fedmd.TestSupport;

namespace Fedmd.Tests.Publisher.Local;

public sealed class PosixPublicationFileSystemTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly PosixPublicationFileSystem _files = new();

    [Fact]
    public void A_file_the_pass_wrote_is_published_under_a_second_name_not_copied()
    {
        var written = _directory.Combine("feed.xml");
        File.WriteAllBytes(written, [1, 2, 3]);
        var published = _directory.Combine("published.xml");

        _files.WriteNewFile(published, FileContent.InFile(written));

        Assert.Equal(Inode(written), Inode(published));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(published));
        File.Delete(written);
        Assert.Equal([1, 2, 3], File.ReadAllBytes(published));
    }

    [Fact]
    public void A_name_that_exists_is_refused_for_a_file_as_for_bytes()
    {
        var written = _directory.Combine("feed.xml");
        File.WriteAllBytes(written, [1, 2, 3]);
        var existing = _directory.Combine("existing.xml");
        File.WriteAllBytes(existing, [9]);

        Assert.ThrowsAny<Exception>(() => _files.WriteNewFile(existing, FileContent.InFile(written)));
        Assert.ThrowsAny<Exception>(() => _files.WriteNewFile(existing, FileContent.Of([4])));

        Assert.Equal([9], File.ReadAllBytes(existing));
    }

    [Fact]
    public void Content_in_memory_is_written_as_a_file_of_its_own()
    {
        var published = _directory.Combine("report.txt");

        _files.WriteNewFile(published, FileContent.Of([7, 8]));

        Assert.Equal([7, 8], File.ReadAllBytes(published));
    }

    public void Dispose() => _directory.Dispose();

    private static string Inode(string path) => ExternalTool.Run("stat", ["-c", "%i", path]).StandardOutput.Trim();
}

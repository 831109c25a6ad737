using System.Text;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Registry;
using Fedmd.Tests.Aggregator.Support;
using Fedmd.TestSupport;

namespace Fedmd.Tests.Aggregator.Pipeline;

/// <summary>A pass's entity bytes live in its spool, not in memory, and read back exactly as they were written.</summary>
public sealed class EntitySpoolTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    [Fact]
    public void A_spooled_item_reads_back_its_bytes_and_after_an_update_the_new_ones()
    {
        using var spool = EntitySpool.Create(_directory.Path);
        var first = Encoding.UTF8.GetBytes("<first/>");
        var second = Encoding.UTF8.GetBytes("<second>longer</second>");
        var other = EntityItem.Spooled("b.xml", Encoding.UTF8.GetBytes("<other/>"), spool);
        var item = EntityItem.Spooled("a.xml", first, spool);

        Assert.Equal(first, item.Bytes);
        Assert.Equal(first.Length, item.Length);
        item.Update(second, new EntitySummary("https://a.example.org", new HashSet<string>(), new Dictionary<string, IReadOnlySet<string>>()));

        Assert.Equal(second, item.Bytes);
        Assert.Equal(second.Length, item.Length);
        Assert.Equal("<other/>", Encoding.UTF8.GetString(other.Bytes));
        Assert.Equal(first.Length + second.Length + 8, spool.Length);
    }

    [Fact]
    public void The_spool_leaves_no_name_in_its_directory_even_while_it_is_open()
    {
        using (var spool = EntitySpool.Create(_directory.Path))
        {
            EntityItem.Spooled("a.xml", new byte[4096], spool);
            Assert.Empty(Directory.EnumerateFileSystemEntries(_directory.Path));
        }

        Assert.Empty(Directory.EnumerateFileSystemEntries(_directory.Path));
    }

    [Fact]
    public void Appends_from_many_threads_each_read_back_their_own_bytes()
    {
        using var spool = EntitySpool.Create(_directory.Path);
        var items = new EntityItem[2000];
        Parallel.For(0, items.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            items[i] = EntityItem.Spooled($"{i}.xml", Encoding.UTF8.GetBytes($"<e n=\"{i}\">{new string('x', i % 97)}</e>"), spool));

        for (var i = 0; i < items.Length; i++)
        {
            Assert.Equal($"<e n=\"{i}\">{new string('x', i % 97)}</e>", Encoding.UTF8.GetString(items[i].Bytes));
        }
    }

    [Fact]
    public void The_registry_read_into_a_spool_holds_each_file_as_written()
    {
        using var spool = EntitySpool.Create(_directory.Path);
        var files = Directory.GetFiles(Samples.Directory, "*.xml").Order(StringComparer.Ordinal).ToList();

        var items = new RegistryDirectory(Samples.Directory, 1 << 20, spool).ReadItems();

        Assert.Equal(files.Count, items.Count);
        Assert.Equal(files.Sum(f => new FileInfo(f).Length), spool.Length);
        for (var i = 0; i < files.Count; i++)
        {
            Assert.Equal(File.ReadAllBytes(files[i]), items[i].Bytes);
        }
    }

    public void Dispose() => _directory.Dispose();
}

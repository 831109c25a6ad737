using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Registry;
using Fedmd.TestSupport;

namespace Fedmd.Tests.Aggregator.Registry;

/// <summary>A file the registry cannot read costs that file, never the run, and never blocks it.</summary>
public sealed class RegistryDirectoryReadTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public RegistryDirectoryReadTests()
    {
        File.Copy(RepositoryRoot.Combine("metadata-samples", "hub.xml"), _directory.Combine("hub.xml"));
    }

    [Fact]
    public async Task A_fifo_named_like_an_entity_file_is_an_empty_entity_and_the_read_does_not_block()
    {
        Assert.Equal(0, ExternalTool.Run("mkfifo", [_directory.Combine("pipe.xml")]).ExitCode);

        var read = Task.Run(() => new RegistryDirectory(_directory.Path, 1024 * 1024).ReadItems());

        var items = await read.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, items.Count);
        var pipe = Assert.Single(items, i => i.Source.EndsWith("pipe.xml", StringComparison.Ordinal));
        Assert.Empty(pipe.Bytes);
        Assert.Null(new EntityParser(new Fedmd.Metadata.Xml.SafeXmlLoader()).Parse(pipe));
        Assert.Contains(pipe.Messages, m => m.RuleId == EntityParser.WellFormedRule);
    }

    [Fact]
    public void An_unreadable_file_is_an_item_with_a_read_error_and_the_others_are_read()
    {
        File.CreateSymbolicLink(_directory.Combine("dangling.xml"), _directory.Combine("no-such-target.xml"));

        var items = new RegistryDirectory(_directory.Path, 1024 * 1024).ReadItems();

        var dangling = Assert.Single(items, i => i.Source.EndsWith("dangling.xml", StringComparison.Ordinal));
        Assert.Equal(RegistryDirectory.ReadRule, Assert.Single(dangling.Messages).RuleId);
        Assert.NotEmpty(Assert.Single(items, i => i.Source.EndsWith("hub.xml", StringComparison.Ordinal)).Bytes);
    }

    public void Dispose() => _directory.Dispose();
}

using System.Net.Sockets;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Registry;
using Fedmd.TestSupport;

namespace Fedmd.Tests.Aggregator.Registry;

/// <summary>
/// The registry reads regular files only: a link, a directory, a FIFO or a socket named like an entity file costs that
/// entry (an error naming it, nothing read), never the run, and never blocks it.
/// </summary>
public sealed class RegistryDirectoryReadTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly TemporaryDirectory _outside = new();

    public RegistryDirectoryReadTests()
    {
        File.Copy(RepositoryRoot.Combine("metadata-samples", "hub.xml"), _directory.Combine("hub.xml"));
    }

    [Fact]
    public async Task A_fifo_named_like_an_entity_file_is_refused_as_not_a_file_and_the_read_does_not_block()
    {
        Assert.Equal(0, ExternalTool.Run("mkfifo", [_directory.Combine("pipe.xml")]).ExitCode);

        var items = await Task.Run(Read).WaitAsync(TimeSpan.FromSeconds(30));

        var pipe = Only(items, "pipe.xml");
        Assert.Empty(pipe.Bytes);
        Assert.Equal(RegistryDirectory.NotAFileRule, Assert.Single(pipe.Messages).RuleId);
        Assert.Contains("pipe.xml", pipe.Messages[0].Message, StringComparison.Ordinal);
        AssertHubRead(items);
    }

    [Fact]
    public void A_link_to_a_system_file_is_refused_unread_and_named_with_its_target()
    {
        File.CreateSymbolicLink(_directory.Combine("x.xml"), "/etc/passwd");

        var items = Read();

        var link = Only(items, "x.xml");
        Assert.Empty(link.Bytes);
        var message = Assert.Single(link.Messages);
        Assert.Equal(RegistryDirectory.SymbolicLinkRule, message.RuleId);
        Assert.Contains("x.xml", message.Message, StringComparison.Ordinal);
        Assert.Contains("/etc/passwd", message.Message, StringComparison.Ordinal);
        AssertHubRead(items);
    }

    [Fact]
    public void A_link_to_an_entity_outside_the_registry_is_refused_and_its_entity_never_read()
    {
        var outside = _outside.Combine("idp-uni-a.xml");
        File.Copy(RepositoryRoot.Combine("metadata-samples", "idp-uni-a.xml"), outside);
        File.CreateSymbolicLink(_directory.Combine("idp-uni-a.xml"), outside);

        var link = Only(Read(), "idp-uni-a.xml");

        Assert.Empty(link.Bytes);
        Assert.Equal(RegistryDirectory.SymbolicLinkRule, Assert.Single(link.Messages).RuleId);
    }

    [Fact]
    public void A_link_between_two_registry_files_is_refused_too()
    {
        File.CreateSymbolicLink(_directory.Combine("copy.xml"), _directory.Combine("hub.xml"));

        var items = Read();

        Assert.Equal(RegistryDirectory.SymbolicLinkRule, Assert.Single(Only(items, "copy.xml").Messages).RuleId);
        AssertHubRead(items);
    }

    [Fact]
    public void A_dangling_link_is_refused_as_a_link()
    {
        File.CreateSymbolicLink(_directory.Combine("dangling.xml"), _directory.Combine("no-such-target.xml"));

        var items = Read();

        Assert.Equal(RegistryDirectory.SymbolicLinkRule, Assert.Single(Only(items, "dangling.xml").Messages).RuleId);
        AssertHubRead(items);
    }

    [Fact]
    public void A_directory_named_like_an_entity_file_is_reported_not_skipped()
    {
        Directory.CreateDirectory(_directory.Combine("x.xml"));

        var items = Read();

        var directory = Only(items, "x.xml");
        Assert.Equal(RegistryDirectory.NotAFileRule, Assert.Single(directory.Messages).RuleId);
        Assert.Contains("directory", directory.Messages[0].Message, StringComparison.Ordinal);
        AssertHubRead(items);
    }

    [Fact]
    public void A_socket_named_like_an_entity_file_is_refused_as_not_a_file()
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(_directory.Combine("s.xml")));

        var items = Read();

        Assert.Equal(RegistryDirectory.NotAFileRule, Assert.Single(Only(items, "s.xml").Messages).RuleId);
        AssertHubRead(items);
    }

    [Fact]
    public void A_file_the_operator_names_is_read_even_through_a_link()
    {
        var link = _outside.Combine("named.xml");
        File.CreateSymbolicLink(link, _directory.Combine("hub.xml"));

        var item = Assert.Single(new RegistryDirectory(link, 1024 * 1024).ReadItems());

        Assert.NotEmpty(item.Bytes);
        Assert.Empty(item.Messages);
    }

    private IReadOnlyList<EntityItem> Read() => new RegistryDirectory(_directory.Path, 1024 * 1024).ReadItems();

    private static EntityItem Only(IReadOnlyList<EntityItem> items, string name) =>
        Assert.Single(items, i => Path.GetFileName(i.Source) == name);

    private static void AssertHubRead(IReadOnlyList<EntityItem> items)
    {
        var hub = Only(items, "hub.xml");
        Assert.NotEmpty(hub.Bytes);
        Assert.Empty(hub.Messages);
    }

    public void Dispose()
    {
        _directory.Dispose();
        _outside.Dispose();
    }
}

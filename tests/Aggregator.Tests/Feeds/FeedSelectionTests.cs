using Fedmd.Aggregator.Feeds;
using Fedmd.Metadata.Values;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Feeds;

public class FeedSelectionTests
{
    private static readonly HashSet<string> None = [];

    private static readonly HashSet<EntityId> NoEntityIds = [];

    [Fact]
    public void The_default_selection_takes_everything()
    {
        Assert.True(FeedSelection.All.Selects(Summaries.Item("https://a.example.ac.za").Summary!));
    }

    [Fact]
    public void Selection_by_role()
    {
        var idps = new FeedSelection(new HashSet<string> { "IDPSSODescriptor" }, [], NoEntityIds);

        Assert.True(idps.Selects(Summaries.Item("https://idp.example.ac.za", "IDPSSODescriptor").Summary!));
        Assert.False(idps.Selects(Summaries.Item("https://sp.example.ac.za").Summary!));
    }

    [Fact]
    public void Selection_by_entity_attribute()
    {
        var proxies = new FeedSelection(None, [Summaries.ProxyCategory], NoEntityIds);

        Assert.True(proxies.Selects(Summaries.Item("https://hub.example.ac.za", attribute: Summaries.ProxyCategory).Summary!));
        Assert.False(proxies.Selects(Summaries.Item("https://sp.example.ac.za").Summary!));
    }

    [Fact]
    public void Selection_by_entity_id_list_and_criteria_combine()
    {
        var listed = new FeedSelection(new HashSet<string> { "SPSSODescriptor" }, [], new HashSet<EntityId> { Entity("https://a.example.ac.za") });

        Assert.True(listed.Selects(Summaries.Item("https://a.example.ac.za").Summary!));
        Assert.False(listed.Selects(Summaries.Item("https://b.example.ac.za").Summary!));
        Assert.False(listed.Selects(Summaries.Item("https://a.example.ac.za", "IDPSSODescriptor").Summary!));
    }

    private static EntityId Entity(string text) =>
        EntityId.TryCreate(text, out var id, out var problem) ? id! : throw new ArgumentException(problem, nameof(text));
}

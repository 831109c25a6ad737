using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Stages;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Stages;

public class DuplicateEntityIdCheckTests
{
    private static List<EntityItem> Items(params string[] entityIds) => entityIds.Select((id, i) =>
    {
        var xml = $"<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"{id}\"/>";
        var item = TestPipelines.Item(xml, $"file{i}.xml");
        item.Update(item.Bytes, EntitySummary.FromDocument(TestPipelines.Document(xml)));
        return item;
    }).ToList();

    [Fact]
    public void Every_copy_of_a_duplicate_is_excluded_and_names_both_files()
    {
        var items = Items("https://a.example.ac.za", "https://b.example.ac.za", "https://a.example.ac.za");

        new DuplicateEntityIdCheck().Apply(items, TestPipelines.Context());

        Assert.True(items[0].HasErrors);
        Assert.False(items[1].HasErrors);
        Assert.True(items[2].HasErrors);
        Assert.Contains("file0.xml, file2.xml", items[2].Messages[0].Message, StringComparison.Ordinal);
        Assert.Equal(DuplicateEntityIdCheck.Rule, items[0].Messages[0].RuleId);
    }

    [Fact]
    public void First_wins_keeps_the_first_copy()
    {
        var items = Items("https://a.example.ac.za", "https://a.example.ac.za");

        new DuplicateEntityIdCheck(firstWins: true).Apply(items, TestPipelines.Context());

        Assert.False(items[0].HasErrors);
        Assert.True(items[1].HasErrors);
    }
}

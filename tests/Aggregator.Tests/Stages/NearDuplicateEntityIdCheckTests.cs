using Fedmd.Aggregator.Ledger;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Stages;
using Fedmd.Tests.Aggregator.Support;
using Fedmd.TestSupport;

namespace Fedmd.Tests.Aggregator.Stages;

public class NearDuplicateEntityIdCheckTests
{
    private const string Genuine = HostileEntities.WikiEntityId;

    private static List<EntityItem> Items(params string[] entityIds) => entityIds.Select((id, i) =>
    {
        var xml = $"<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"{id}\"/>";
        var item = TestPipelines.Item(xml, $"file{i}.xml");
        item.Update(item.Bytes, EntitySummary.FromDocument(TestPipelines.Document(xml)));
        return item;
    }).ToList();

    private static PassContext Registered(params string[] entityIds) =>
        TestPipelines.Context(RegistrationLedger.Empty.WithFirstSeen(entityIds, TestPipelines.Now));

    public static TheoryData<string> LookAlikes() => new(HostileEntities.WikiLookAlikes.Values);

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public void A_look_alike_of_a_registered_entity_id_costs_only_itself(string lookAlike)
    {
        var items = Items(Genuine, lookAlike, "https://sp.library.example.ac.za/shibboleth");

        new NearDuplicateEntityIdCheck(Severity.Error).Apply(items, Registered(Genuine));

        Assert.Empty(items[0].Messages);
        var message = Assert.Single(items[1].Messages);
        Assert.Equal((NearDuplicateEntityIdCheck.Rule, Severity.Error), (message.RuleId, message.Severity));
        Assert.Contains($"looks like {Genuine} (file0.xml)", message.Message, StringComparison.Ordinal);
        Assert.Empty(items[2].Messages);
    }

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public void Without_the_ledger_the_plainly_written_entity_id_keeps_its_place(string lookAlike)
    {
        var items = Items(lookAlike, Genuine);

        new NearDuplicateEntityIdCheck(Severity.Error).Apply(items, TestPipelines.Context());

        Assert.Equal([NearDuplicateEntityIdCheck.Rule], items[0].Rules());
        Assert.Empty(items[1].Messages);
    }

    [Fact]
    public void Two_look_alikes_neither_plain_nor_registered_are_both_reported()
    {
        var items = Items("https://wiki.research.example.ac.za/shibboleth/", "https://Wiki.research.example.ac.za/shibboleth");

        new NearDuplicateEntityIdCheck(Severity.Error).Apply(items, TestPipelines.Context());

        Assert.All(items, i => Assert.Equal([NearDuplicateEntityIdCheck.Rule], i.Rules()));
    }

    [Fact]
    public void Exact_duplicates_and_different_entity_ids_are_not_near_duplicates()
    {
        var items = Items(Genuine, Genuine, "https://wiki.research.example.ac.za/shibboleth2", "https://wiki2.research.example.ac.za/shibboleth");

        new NearDuplicateEntityIdCheck(Severity.Error).Apply(items, TestPipelines.Context());

        Assert.All(items, i => Assert.Empty(i.Messages));
    }

    [Theory]
    [MemberData(nameof(LookAlikes))]
    public void An_imported_look_alike_of_a_registry_entity_id_is_a_warning(string lookAlike)
    {
        var registry = Items(Genuine);
        var imported = Items(lookAlike, "https://sp.library.example.ac.za/shibboleth");

        new NearDuplicateEntityIdCheck(Severity.Warning).ApplyAgainst(registry, imported);

        Assert.Empty(registry[0].Messages);
        var message = Assert.Single(imported[0].Messages);
        Assert.Equal((NearDuplicateEntityIdCheck.Rule, Severity.Warning), (message.RuleId, message.Severity));
        Assert.Contains($"the registry's {Genuine}", message.Message, StringComparison.Ordinal);
        Assert.Empty(imported[1].Messages);
    }
}

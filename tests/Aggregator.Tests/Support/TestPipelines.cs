using System.Text;
using System.Xml;
using Fedmd.Aggregator.Ledger;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Rules;
using Fedmd.Aggregator.Runs;
using Fedmd.Aggregator.Schemas;
using Fedmd.Aggregator.Transforms;
using Fedmd.Metadata.Xml;

namespace Fedmd.Tests.Aggregator.Support;

/// <summary>The standard pipeline with the default settings, and small helpers to run one entity through a stage.</summary>
public static class TestPipelines
{
    /// <summary>A fixed moment for the tests.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The registration facts used in tests.</summary>
    public static readonly RegistrationPolicy Registration = new("https://fedmd.example.ac.za", "https://fedmd.example.ac.za/policy");

    /// <summary>Default settings.</summary>
    public static PipelineSettings Settings(bool firstWins = false) => new(
        SafeXmlLoader.DefaultMaxBytes,
        MetadataSchemas.DefaultDirectories,
        MetadataSchemas.DefaultNamespaces,
        DefaultNamespaces.Allowed.ToHashSet(StringComparer.Ordinal),
        new RuleOptions(),
        firstWins,
        Registration);

    /// <summary>A pass at <paramref name="now"/> (the present by default) with <paramref name="ledger"/> (empty by default).</summary>
    public static PassContext Context(RegistrationLedger? ledger = null, DateTimeOffset? now = null) =>
        new(now ?? DateTimeOffset.UtcNow, ledger ?? RegistrationLedger.Empty);

    /// <summary>The standard pipeline.</summary>
    public static EntityPipeline Standard(bool firstWins = false) =>
        StandardPipeline.Create(Settings(firstWins));

    /// <summary>The standard pipelines for registry and imported entities.</summary>
    public static OriginPipelines Origins() =>
        StandardPipeline.CreateForOrigins(Settings());

    /// <summary>An item of <paramref name="xml"/>.</summary>
    public static EntityItem Item(string xml, string source = "test.xml") => new(source, Encoding.UTF8.GetBytes(xml));

    /// <summary>Parses <paramref name="xml"/> safely.</summary>
    public static XmlDocument Document(string xml) => new SafeXmlLoader().Load(Encoding.UTF8.GetBytes(xml));

    /// <summary>Applies one stage to <paramref name="xml"/> and returns the item and the (possibly changed) DOM.</summary>
    public static (EntityItem Item, XmlDocument Entity) Apply(IEntityStage stage, string xml, PassContext? context = null)
    {
        var item = Item(xml);
        var entity = Document(xml);
        stage.Apply(item, entity, context ?? Context());
        return (item, entity);
    }

    /// <summary>The rule ids of an item's findings.</summary>
    public static IReadOnlyList<string> Rules(this EntityItem item) => item.Messages.Select(m => m.RuleId).ToList();
}

using System.Xml;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Metadata.Xml;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Pipeline;

public class EntityPipelineTests
{
    private sealed class FailsOn(string entityId) : IEntityStage
    {
        public void Apply(EntityItem item, XmlDocument entity, PassContext context)
        {
            if (entity.DocumentElement!.GetAttribute("entityID") == entityId)
            {
                throw new InvalidOperationException("boom");
            }
        }
    }

    [Fact]
    public void A_stage_that_breaks_on_one_entity_marks_it_and_the_run_goes_on()
    {
        var pipeline = new EntityPipeline(new EntityParser(new SafeXmlLoader()), [new FailsOn("https://sp.library.example.ac.za/shibboleth")], []);
        var items = new[] { "sp-library.xml", "sp-wiki.xml" }.Select(n => new EntityItem(n, File.ReadAllBytes(Samples.Good(n)))).ToList();

        var result = pipeline.Run(items, TestPipelines.Context());

        var rejected = Assert.Single(result.Rejected);
        Assert.Equal("sp-library.xml", rejected.Source);
        Assert.Equal(EntityPipeline.StageFailureRule, Assert.Single(rejected.Messages).RuleId);
        Assert.Contains("boom", rejected.Messages[0].Message, StringComparison.Ordinal);
        Assert.Equal("https://wiki.research.example.ac.za/shibboleth", Assert.Single(result.Accepted).Summary!.EntityId);
    }

    // A transformation that leaves a character XML cannot carry.
    private sealed class WritesControlCharacter(string entityId) : IEntityStage
    {
        public void Apply(EntityItem item, XmlDocument entity, PassContext context)
        {
            if (entity.DocumentElement!.GetAttribute("entityID") == entityId)
            {
                entity.DocumentElement.SetAttribute("note", "bell \u0007");
            }
        }
    }

    private sealed class RecordsPublishedBytes : IPublishedEntityCheck
    {
        public System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> Seen { get; } = new(StringComparer.Ordinal);

        public void Apply(EntityItem item, byte[] published, PassContext context) => Seen[item.Source] = published;
    }

    [Fact]
    public void An_entity_a_transformation_made_unwritable_is_rejected_and_the_run_goes_on()
    {
        var pipeline = new EntityPipeline(new EntityParser(new SafeXmlLoader()), [new WritesControlCharacter("https://sp.library.example.ac.za/shibboleth")], []);
        var items = new[] { "sp-library.xml", "sp-wiki.xml" }.Select(n => new EntityItem(n, File.ReadAllBytes(Samples.Good(n)))).ToList();

        var result = pipeline.Run(items, TestPipelines.Context(), maxParallelism: 2);

        var rejected = Assert.Single(result.Rejected);
        Assert.Equal("sp-library.xml", rejected.Source);
        Assert.Equal(Fedmd.Aggregator.Assembly.EntityCopy.Rule, Assert.Single(rejected.Messages).RuleId);
        Assert.Single(result.Accepted);
    }

    [Fact]
    public void Published_checks_see_the_bytes_the_pipeline_stored_after_the_stages()
    {
        var check = new RecordsPublishedBytes();
        var pipeline = new EntityPipeline(new EntityParser(new SafeXmlLoader()), [], [], [check]);
        var items = new[] { "sp-library.xml", "sp-wiki.xml" }.Select(n => new EntityItem(n, File.ReadAllBytes(Samples.Good(n)))).ToList();

        var result = pipeline.Run(items, TestPipelines.Context());

        Assert.All(result.Items, item => Assert.Equal(item.Bytes, check.Seen[item.Source]));
    }
}

using System.Text;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Tests.Aggregator.Support;
using Fedmd.TestSupport;

namespace Fedmd.Tests.Aggregator.Pipeline;

/// <summary>Judging on every core gives exactly what judging one entity after the other gives.</summary>
public sealed class ParallelJudgingTests
{
    [Fact]
    public void Parallel_judging_leaves_every_item_byte_identical_to_a_serial_run()
    {
        var pipeline = TestPipelines.Standard();
        var context = TestPipelines.Context(now: TestPipelines.Now);

        var serial = pipeline.Run(Items(), context, maxParallelism: 1);
        var parallel = pipeline.Run(Items(), context, maxParallelism: 4);

        Assert.Equal(serial.Items.Count, parallel.Items.Count);
        Assert.Contains(serial.Items, i => i.HasErrors);
        Assert.Contains(serial.Items, i => !i.HasErrors);
        for (var i = 0; i < serial.Items.Count; i++)
        {
            Assert.Equal(serial.Items[i].Source, parallel.Items[i].Source);
            Assert.True(serial.Items[i].Bytes.AsSpan().SequenceEqual(parallel.Items[i].Bytes), serial.Items[i].Source);
            Assert.Equal(Describe(serial.Items[i]), Describe(parallel.Items[i]));
        }
    }

    [Fact]
    public void Parallel_judging_of_spooled_items_leaves_every_item_byte_identical_to_a_serial_run_in_memory()
    {
        var pipeline = TestPipelines.Standard();
        var context = TestPipelines.Context(now: TestPipelines.Now);
        using var directory = new TemporaryDirectory();
        using var spool = EntitySpool.Create(directory.Path);

        var serial = pipeline.Run(Items(), context, maxParallelism: 1);
        var parallel = pipeline.Run(Items().Select(i => EntityItem.Spooled(i.Source, i.Bytes, spool)).ToList(), context with { Spool = spool }, maxParallelism: 4);

        for (var i = 0; i < serial.Items.Count; i++)
        {
            Assert.True(serial.Items[i].Bytes.AsSpan().SequenceEqual(parallel.Items[i].Bytes), serial.Items[i].Source);
            Assert.Equal(serial.Items[i].Length, parallel.Items[i].Length);
            Assert.Equal(Describe(serial.Items[i]), Describe(parallel.Items[i]));
        }
    }

    // Every good and bad sample, many times over with distinct entityIDs (and some duplicates), so that ranges of
    // items really run on several threads.
    private static List<EntityItem> Items()
    {
        var files = Directory.GetFiles(Samples.Directory, "*.xml").Concat(Directory.GetFiles(Samples.BadDirectory, "*.xml")).Order(StringComparer.Ordinal).ToList();
        var items = new List<EntityItem>();
        for (var copy = 0; copy < 20; copy++)
        {
            foreach (var file in files)
            {
                var text = File.ReadAllText(file);
                var renamed = copy % 7 == 3 ? text : text.Replace("entityID=\"https://", $"entityID=\"https://copy{copy}.", StringComparison.Ordinal);
                items.Add(new EntityItem($"{copy}/{Path.GetFileName(file)}", Encoding.UTF8.GetBytes(renamed)));
            }
        }

        return items;
    }

    private static string Describe(EntityItem item) =>
        string.Join("\n", item.Messages.Select(m => $"{m.Severity} {m.RuleId} {m.Message}")) + $"\n{item.Summary?.EntityId}";
}

using System.CommandLine;
using System.Globalization;
using Fedmd.Bench;
using Fedmd.Metadata.Failures;

namespace Fedmd.Cli.Commands;

/// <summary>
/// <c>fedmd bench corpus --entities N --out DIR [--aggregate FILE] [--seed S]</c>: writes a generated, varied
/// registry for benchmarks (one file per entity, and optionally the unsigned aggregate of them all).
/// </summary>
internal static class BenchCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var entities = new Option<int>("--entities") { Description = "How many entities to generate", Required = true };
        var output = new Option<string>("--out") { Description = "Directory for the entity files", Required = true };
        var aggregate = new Option<string?>("--aggregate") { Description = "Also write the unsigned md:EntitiesDescriptor of all entities here" };
        var seed = new Option<int>("--seed") { Description = "The same seed gives the same corpus", DefaultValueFactory = _ => 1 };
        var corpus = new Command("corpus", "Generate a realistic registry: IdPs and SPs, mdui in several languages, logos, RSA and EC keys");
        corpus.Options.Add(entities);
        corpus.Options.Add(output);
        corpus.Options.Add(aggregate);
        corpus.Options.Add(seed);
        corpus.SetAction(parseResult => CommandExecution.Run(() =>
        {
            var count = parseResult.GetValue(entities);
            if (count <= 0)
            {
                throw new FedmdException(FailureKind.Configuration, $"--entities {count} must be a positive number of entities");
            }

            // Midnight UTC a week ahead: signable today, and the same bytes for a seed all day.
            var validUntil = new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date, TimeSpan.Zero).AddDays(7);
            var generator = new RegistryCorpus(parseResult.GetValue(seed), validUntil);
            var directory = parseResult.GetValue(output)!;
            Directory.CreateDirectory(directory);
            for (var i = 0; i < count; i++)
            {
                File.WriteAllBytes(Path.Combine(directory, $"entity-{i.ToString("D6", CultureInfo.InvariantCulture)}.xml"), generator.EntityFile(i));
            }

            if (parseResult.GetValue(aggregate) is { } aggregatePath)
            {
                using var file = File.Create(aggregatePath);
                generator.WriteAggregate(file, count);
            }

            Console.Out.WriteLine($"{count} entities written to {directory}");
            return CommandExecution.Success;
        }));
        var command = new Command("bench", "Benchmark inputs");
        command.Subcommands.Add(corpus);
        return command;
    }
}

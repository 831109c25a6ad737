using Fedmd.Aggregator.Feeds;
using Fedmd.Aggregator.Guards;
using Fedmd.Aggregator.Ledger;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Rules;
using Fedmd.Aggregator.Runs;
using Fedmd.Aggregator.Schemas;
using Fedmd.Aggregator.Transforms;
using Fedmd.Cli.Configuration;
using Fedmd.Metadata.Values;

namespace Fedmd.Cli.Composition;

/// <summary>The aggregator's pipeline, feeds and guard rails as configured.</summary>
public static class AggregatorComponents
{
    /// <summary>Name of the ledger file in the state directory when <c>Registry:LedgerFile</c> is not set.</summary>
    public const string DefaultLedgerFileName = "registration-ledger.json";

    /// <summary>The ledger file in use.</summary>
    public static string LedgerPath(FedmdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Registry.LedgerFile ?? Path.Combine(options.StateDirectory, DefaultLedgerFileName);
    }

    /// <summary>Builds the entity pipeline with the ledger on disk and the current time (for linting).</summary>
    public static EntityPipeline CreatePipeline(FedmdOptions options) =>
        StandardPipeline.Create(PipelineSettings(options, LedgerFile.Read(LedgerPath(options)), DateTimeOffset.UtcNow));

    /// <summary>The configured feeds; without a <c>Feeds</c> list, one feed of everything named by <c>Aggregate</c>.</summary>
    public static IReadOnlyList<FeedDefinition> Feeds(FedmdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Feeds.Count == 0)
        {
            return [new FeedDefinition(options.Aggregate.Name, options.Aggregate.FileName, FeedSelection.All)];
        }

        return options.Feeds.Select(f => new FeedDefinition(f.Name, f.FileName, new FeedSelection(
                (f.Roles ?? []).ToHashSet(StringComparer.Ordinal),
                (f.EntityAttributes ?? []).Select(a => KeyValuePair.Create(a.Name, a.Value)).ToList(),
                (f.EntityIds ?? []).ToHashSet(StringComparer.Ordinal))))
            .ToList();
    }

    /// <summary>
    /// Everything before signing: pipeline, feed planning and, for a publication run, the guard rails
    /// (<paramref name="guarded"/>; <c>check</c> lints without them).
    /// </summary>
    public static Aggregation CreateAggregation(FedmdOptions options, RegistrationLedger ledger, DateTimeOffset now, bool guarded, bool allowDrop)
    {
        ArgumentNullException.ThrowIfNull(options);
        var shape = new AggregateShape(
            XsDuration.Parse(options.Aggregate.ValidFor).Value,
            XsDuration.Parse(options.Aggregate.CacheDuration),
            options.Federation.Publisher);
        IFeedGuard[] guards = guarded
            ? [new EmptyFeedGuard(), new EntityDropGuard(options.GuardRails.MaximumDropPercent / 100, allowDrop), new ExpiredSourceGuard()]
            : [];
        return new Aggregation(StandardPipeline.Create(PipelineSettings(options, ledger, now)), new FeedPlanner(Feeds(options), shape), guards);
    }

    private static PipelineSettings PipelineSettings(FedmdOptions options, RegistrationLedger ledger, DateTimeOffset now)
    {
        var validation = options.Validation;
        return new PipelineSettings(
            options.Registry.MaxEntityBytes,
            OrDefault(validation.SchemaDirectories, MetadataSchemas.DefaultDirectories),
            OrDefault(validation.SchemaNamespaces, MetadataSchemas.DefaultNamespaces),
            OrDefault(validation.AllowedNamespaces, DefaultNamespaces.Allowed).ToHashSet(StringComparer.Ordinal),
            new RuleOptions
            {
                MinimumRsaBits = validation.MinimumRsaBits,
                MinimumEcBits = validation.MinimumEcBits,
                MinimumRsaExponent = validation.MinimumRsaExponent,
                ExpiryWarning = TimeSpan.FromDays(validation.CertificateExpiryWarningDays),
                ExpiredCertificateIsError = validation.ExpiredCertificateIsError,
            },
            options.Registry.DuplicateFirstWins,
            new RegistrationPolicy(
                Or(options.Registry.RegistrationAuthority, options.Federation.Publisher),
                Or(options.Registry.RegistrationPolicyUrl, options.Federation.Publisher)),
            ledger,
            now);
    }

    private static IReadOnlyList<string> OrDefault(List<string>? configured, IReadOnlyList<string> fallback) =>
        configured is { Count: > 0 } ? configured : fallback;

    private static string Or(string? configured, string fallback) => string.IsNullOrEmpty(configured) ? fallback : configured;
}

using Fedmd.Aggregator.Feeds;
using Fedmd.Aggregator.Guards;
using Fedmd.Aggregator.Ledger;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Rules;
using Fedmd.Aggregator.Runs;
using Fedmd.Aggregator.Schemas;
using Fedmd.Aggregator.Sources;
using Fedmd.Aggregator.Transforms;
using Fedmd.Cli.Configuration;
using Fedmd.Fetcher;
using Fedmd.Metadata.Values;
using Fedmd.Signer.Verification;

namespace Fedmd.Cli.Composition;

/// <summary>The aggregator's pipeline, feeds and guard rails as configured.</summary>
public static class AggregatorComponents
{
    /// <summary>Name of the ledger file in the state directory when <c>Registry:LedgerFile</c> is not set.</summary>
    public const string DefaultLedgerFileName = "registration-ledger.json";

    /// <summary>Directory of the state directory where each source's last good copy is kept.</summary>
    public const string SourcesDirectoryName = "sources";

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
                (f.EntityIds ?? []).ToHashSet(StringComparer.Ordinal))) { Sources = f.Sources ?? [] })
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
            ? [new UnavailableSourceGuard(), new EmptyFeedGuard(), new EntityDropGuard(options.GuardRails.MaximumDropPercent / 100, allowDrop), new ExpiredSourceGuard()]
            : [];
        return new Aggregation(StandardPipeline.CreateForOrigins(PipelineSettings(options, ledger, now)), new FeedPlanner(Feeds(options), shape), guards);
    }

    /// <summary>
    /// The sources some feed imports, in configuration order, each with its last good copy in
    /// <c>StateDirectory/sources/NAME.xml</c>. Sources no feed names are not fetched.
    /// </summary>
    /// <exception cref="Fedmd.Metadata.Failures.FedmdException">A pinned certificate file is missing or unreadable (exit 2).</exception>
    public static IReadOnlyList<SourceDefinition> Sources(FedmdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var referenced = options.Feeds.SelectMany(f => f.Sources ?? []).ToHashSet(StringComparer.Ordinal);
        return options.Sources.Select((source, index) => (source, index))
            .Where(s => referenced.Contains(s.source.Name))
            .Select(s => Source(options, s.source, $"Sources[{s.index}]"))
            .ToList();
    }

    /// <summary>Fetches and imports every source some feed uses, one after the other.</summary>
    public static async Task<IReadOnlyList<SourceImport>> ImportSourcesAsync(FedmdOptions options, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var importer = new SourceImporter(new MetadataFetcher(clock), clock);
        var imports = new List<SourceImport>();
        foreach (var source in Sources(options))
        {
            imports.Add(await importer.ImportAsync(source, cancellationToken).ConfigureAwait(false));
        }

        return imports;
    }

    private static SourceDefinition Source(FedmdOptions options, SourceOptions source, string key)
    {
        var verification = new VerificationOptions
        {
            PinnedCertificates = source.CertificateFiles.Select(c => CertificateFiles.LoadPem(c, $"{key}:CertificateFiles")).ToList(),
            PinnedFingerprints = source.Fingerprints.Select(CertificateFingerprint.Parse).ToList(),
            MaxValidity = XsDuration.Parse(source.MaxValidity).Value,
            MaxBytes = source.MaxBytes,
        };
        var request = new FetchRequest(new Uri(source.Url), Path.Combine(options.StateDirectory, SourcesDirectoryName, source.Name + ".xml"), verification)
        {
            AllowHttp = source.AllowHttp,
            MaxBytes = source.MaxBytes,
            Timeout = TimeSpan.FromSeconds(source.TimeoutSeconds),
        };
        var filters = source.Filters;
        var filter = new SourceFilter(
            filters.Roles.ToHashSet(StringComparer.Ordinal),
            filters.EntityCategories.ToHashSet(StringComparer.Ordinal),
            filters.BlockedEntityIds.ToHashSet(StringComparer.Ordinal),
            filters.ExcludeOwnRegistrations ? RegistrationAuthority(options) : null,
            filters.SirtfiOnly);
        return new SourceDefinition(source.Name, request, filter);
    }

    private static string RegistrationAuthority(FedmdOptions options) => Or(options.Registry.RegistrationAuthority, options.Federation.Publisher);

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
                RegistrationAuthority(options),
                Or(options.Registry.RegistrationPolicyUrl, options.Federation.Publisher)),
            ledger,
            now);
    }

    private static IReadOnlyList<string> OrDefault(List<string>? configured, IReadOnlyList<string> fallback) =>
        configured is { Count: > 0 } ? configured : fallback;

    private static string Or(string? configured, string fallback) => string.IsNullOrEmpty(configured) ? fallback : configured;
}

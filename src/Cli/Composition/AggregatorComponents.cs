using Fedmd.Aggregator.Feeds;
using Fedmd.Aggregator.Guards;
using Fedmd.Aggregator.Profiles;
using Fedmd.Aggregator.Rules;
using Fedmd.Aggregator.Runs;
using Fedmd.Aggregator.Schemas;
using Fedmd.Aggregator.Sources;
using Fedmd.Aggregator.Transforms;
using Fedmd.Cli.Configuration;
using Fedmd.Fetcher;
using Fedmd.Metadata.Values;
using Fedmd.Pass.State;
using Fedmd.Verification;

namespace Fedmd.Cli.Composition;

/// <summary>The aggregator's pipelines, feeds, guard rails and sources as configured.</summary>
internal static class AggregatorComponents
{
    /// <summary>The entity pipelines, their schemas compiled: built once per process and shared by every pass.</summary>
    public static OriginPipelines CreatePipelines(FedmdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return StandardPipeline.CreateForOrigins(PipelineSettings(options, TypedConfiguration.From(options)));
    }

    /// <summary>
    /// Pipelines, feed planning and, for a publication run, the guard rails (<paramref name="guarded"/>; <c>check</c>
    /// lints without them).
    /// </summary>
    public static Aggregation CreateAggregation(OriginPipelines pipelines, FedmdOptions options, TypedConfiguration typed, bool guarded, bool allowDrop)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(typed);
        IFeedGuard[] guards = guarded
            ? [new UnavailableSourceGuard(), new EmptyFeedGuard(), new EntityDropGuard(options.GuardRails.MaximumDropPercent / 100, allowDrop), new ExpiredSourceGuard()]
            : [];
        return new Aggregation(pipelines, new FeedPlanner(typed.Feeds, typed.Shape), guards);
    }

    /// <summary>
    /// The sources some feed imports, in configuration order, each with its last good copy in the state store.
    /// Sources no feed names are not fetched.
    /// </summary>
    /// <exception cref="Fedmd.Metadata.Failures.FedmdException">A pinned certificate file is missing or unreadable (exit 2).</exception>
    public static IReadOnlyList<SourceDefinition> Sources(FedmdOptions options, TypedConfiguration typed, FileStateStore state)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(state);
        var referenced = typed.Feeds.SelectMany(f => f.Sources).ToHashSet(StringComparer.Ordinal);
        return typed.Sources.Select((source, index) => (source, index))
            .Where(s => referenced.Contains(s.source.Options.Name))
            .Select(s => Source(options, s.source, $"Sources[{s.index}]", state))
            .ToList();
    }

    private static SourceDefinition Source(FedmdOptions options, TypedSource typed, string key, FileStateStore state)
    {
        var source = typed.Options;
        var verification = new VerificationOptions
        {
            PinnedCertificates = source.CertificateFiles.Select(c => CertificateFiles.LoadPem(c, $"{key}:CertificateFiles")).ToList(),
            PinnedFingerprints = source.Fingerprints.Select(CertificateFingerprint.Parse).ToList(),
            MaxValidity = typed.MaxValidity,
            MaxBytes = source.MaxBytes,
        };
        var request = new FetchRequest(typed.Url, state.SourceCopyPath(source.Name), verification)
        {
            AllowHttp = source.AllowHttp,
            MaxBytes = source.MaxBytes,
            Timeout = TimeSpan.FromSeconds(source.TimeoutSeconds),
        };
        var filters = source.Filters;
        var filter = new SourceFilter(
            filters.Roles.ToHashSet(StringComparer.Ordinal),
            filters.EntityCategories.ToHashSet(StringComparer.Ordinal),
            typed.BlockedEntityIds,
            filters.ExcludeOwnRegistrations ? RegistrationAuthority(options) : null,
            filters.SirtfiOnly);
        return new SourceDefinition(source.Name, request, filter);
    }

    private static string RegistrationAuthority(FedmdOptions options) => Or(options.Registry.RegistrationAuthority, options.Federation.Publisher);

    private static PipelineSettings PipelineSettings(FedmdOptions options, TypedConfiguration typed)
    {
        var validation = options.Validation;
        var expiredIsError = new Dictionary<string, ProfileSeverity> { [CertificateExpiryRule.Id] = ProfileSeverity.Error };
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
            },
            options.Registry.DuplicateFirstWins,
            new RegistrationPolicy(
                RegistrationAuthority(options),
                Or(options.Registry.RegistrationPolicyUrl, options.Federation.Publisher)))
        {
            RegistrationProfile = validation.ExpiredCertificateIsError ? RuleProfile.Registration.With(expiredIsError) : RuleProfile.Registration,
            SourceProfiles = typed.Sources.Where(s => s.Options.Rules.Count > 0).ToDictionary(s => s.Options.Name, s => s.Profile, StringComparer.Ordinal),
        };
    }

    private static IReadOnlyList<string> OrDefault(List<string>? configured, IReadOnlyList<string> fallback) =>
        configured is { Count: > 0 } ? configured : fallback;

    private static string Or(string? configured, string fallback) => string.IsNullOrEmpty(configured) ? fallback : configured;
}

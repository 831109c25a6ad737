using Fedmd.Aggregator.Feeds;
using Fedmd.Aggregator.Guards;
using Fedmd.Aggregator.Ledger;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Rules;
using Fedmd.Aggregator.Runs;
using Fedmd.Aggregator.Schemas;
using Fedmd.Aggregator.Stages;
using Fedmd.Aggregator.Transforms;
using Fedmd.Cli.Configuration;
using Fedmd.Metadata.Values;
using Fedmd.Metadata.Xml;

namespace Fedmd.Cli.Composition;

/// <summary>The aggregator's stages, feeds and guard rails, in the order they run, as configured.</summary>
public static class AggregatorComponents
{
    /// <summary>Name of the ledger file in the state directory when <c>Registry:LedgerFile</c> is not set.</summary>
    public const string DefaultLedgerFileName = "registration-ledger.json";

    /// <summary>Namespaces an entity may use without a warning, unless <c>Validation:AllowedNamespaces</c> says otherwise.</summary>
    public static readonly IReadOnlyList<string> DefaultAllowedNamespaces =
    [
        SamlNamespaces.Metadata, SamlNamespaces.Assertion, SamlNamespaces.Rpi, SamlNamespaces.Ui, SamlNamespaces.Attribute,
        SamlNamespaces.Shibboleth, SamlNamespaces.DSig, SamlNamespaces.Xml, SamlNamespaces.Xsi, SamlNamespaces.Refeds,
        "http://www.w3.org/2001/04/xmlenc#", "http://www.w3.org/2009/xmlenc11#", "http://www.w3.org/2009/xmldsig11#",
        "urn:oasis:names:tc:SAML:metadata:algsupport", "urn:oasis:names:tc:SAML:profiles:SSO:idp-discovery-protocol",
        "urn:oasis:names:tc:SAML:profiles:SSO:request-init", "http://www.w3.org/2001/XMLSchema",
    ];

    /// <summary>The ledger file in use.</summary>
    public static string LedgerPath(FedmdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Registry.LedgerFile ?? Path.Combine(options.StateDirectory, DefaultLedgerFileName);
    }

    /// <summary>Builds the entity pipeline with the ledger on disk and the current time (for linting).</summary>
    public static EntityPipeline CreatePipeline(FedmdOptions options) =>
        CreatePipeline(options, LedgerFile.Read(LedgerPath(options)), DateTimeOffset.UtcNow);

    /// <summary>Builds the entity pipeline; the schemas are compiled here, once per run.</summary>
    public static EntityPipeline CreatePipeline(FedmdOptions options, RegistrationLedger ledger, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validation = options.Validation;
        var loader = new SafeXmlLoader(options.Registry.MaxEntityBytes);
        var locations = SchemaLocations.FromDirectories(OrDefault(validation.SchemaDirectories, MetadataSchemas.DefaultDirectories));
        var schemas = MetadataSchemas.Compile(locations, OrDefault(validation.SchemaNamespaces, MetadataSchemas.DefaultNamespaces));
        var rules = new RuleOptions
        {
            MinimumRsaBits = validation.MinimumRsaBits,
            MinimumEcBits = validation.MinimumEcBits,
            MinimumRsaExponent = validation.MinimumRsaExponent,
            ExpiryWarning = TimeSpan.FromDays(validation.CertificateExpiryWarningDays),
            ExpiredCertificateIsError = validation.ExpiredCertificateIsError,
        };
        var policy = new RegistrationPolicy(
            Or(options.Registry.RegistrationAuthority, options.Federation.Publisher),
            Or(options.Registry.RegistrationPolicyUrl, options.Federation.Publisher));
        IEntityStage[] entityStages =
        [
            new EncodingCheck(),
            new SchemaValidation(schemas, loader),
            new XsiTypePrefixCheck(),
            new NamespaceAllowListCheck(OrDefault(validation.AllowedNamespaces, DefaultAllowedNamespaces).ToHashSet(StringComparer.Ordinal)),
            new EntityIdCheck(),
            new EntityRulesStage(CreateRules(rules, now)),
            new SignatureStripping(),
            new RegistrationInfoStripping(),
            new RegistrationInfoInjection(policy, ledger, now),
        ];
        IRegistryStage[] registryStages =
        [
            new DuplicateEntityIdCheck(options.Registry.DuplicateFirstWins),
        ];
        return new EntityPipeline(new EntityParser(loader), entityStages, registryStages);
    }

    /// <summary>Every model rule, in the order it runs.</summary>
    public static IReadOnlyList<IEntityRule> CreateRules(RuleOptions rules, DateTimeOffset now) =>
    [
        new EndpointHttpsRule(),
        new CertificateParsesRule(),
        new KeyStrengthRule(rules),
        new RsaExponentRule(rules),
        new CertificateExpiryRule(rules, now),
        new SingleKeyRule(),
        new ScopePresentRule(),
        new ScopeSyntaxRule(),
        new IdentityProviderUiRule(),
        new LogoUrlRule(),
        new TechnicalContactRule(),
        new SirtfiSecurityContactRule(),
        new CarriageReturnRule(),
        new EmptyLanguageRule(),
        new DuplicateLanguageRule(),
        new NameWhitespaceRule(),
    ];

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
        return new Aggregation(CreatePipeline(options, ledger, now), new FeedPlanner(Feeds(options), shape), guards);
    }

    private static IReadOnlyList<string> OrDefault(List<string>? configured, IReadOnlyList<string> fallback) =>
        configured is { Count: > 0 } ? configured : fallback;

    private static string Or(string? configured, string fallback) => string.IsNullOrEmpty(configured) ? fallback : configured;
}

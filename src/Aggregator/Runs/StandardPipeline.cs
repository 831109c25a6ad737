using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Rules;
using Fedmd.Aggregator.Schemas;
using Fedmd.Aggregator.Stages;
using Fedmd.Aggregator.Transforms;
using Fedmd.Metadata.Xml;

namespace Fedmd.Aggregator.Runs;

/// <summary>
/// The federation's pipeline: which stages run, in which order. Checks first (on the submission as written), then
/// the transformations, so that the report judges what the participant sent and the feeds carry what the federation
/// publishes. The schemas are compiled here, once per run.
/// </summary>
public static class StandardPipeline
{
    /// <summary>Builds the pipeline.</summary>
    public static EntityPipeline Create(PipelineSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var loader = new SafeXmlLoader(settings.MaxEntityBytes);
        var schemas = MetadataSchemas.Compile(SchemaLocations.FromDirectories(settings.SchemaDirectories), settings.SchemaNamespaces);
        IEntityStage[] entityStages =
        [
            new EncodingCheck(),
            new SchemaValidation(schemas, loader),
            new XsiTypePrefixCheck(),
            new NamespaceAllowListCheck(settings.AllowedNamespaces),
            new EntityIdCheck(),
            new EntityRulesStage(Rules(settings.Rules, settings.Now)),
            new SignatureStripping(),
            new RegistrationInfoStripping(),
            new RegistrationInfoInjection(settings.Registration, settings.Ledger, settings.Now),
        ];
        IRegistryStage[] registryStages =
        [
            new DuplicateEntityIdCheck(settings.DuplicateFirstWins),
        ];
        return new EntityPipeline(new EntityParser(loader), entityStages, registryStages);
    }

    /// <summary>Every model rule, in the order it runs.</summary>
    public static IReadOnlyList<IEntityRule> Rules(RuleOptions rules, DateTimeOffset now) =>
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
}

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
/// publishes. The schemas are compiled here, once per process: the pipelines hold nothing of any one pass. Imported entities run the same stages except the
/// registry's registration transforms.
/// </summary>
public static class StandardPipeline
{
    /// <summary>Builds the pipeline for the registry's entities.</summary>
    public static EntityPipeline Create(PipelineSettings settings) => CreateForOrigins(settings).Registry;

    /// <summary>Builds the pipelines for registry and imported entities, sharing the compiled schemas.</summary>
    public static OriginPipelines CreateForOrigins(PipelineSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var loader = new SafeXmlLoader(settings.MaxEntityBytes);
        var schemas = MetadataSchemas.Compile(SchemaLocations.FromDirectories(settings.SchemaDirectories), settings.SchemaNamespaces);
        IEntityStage[] shared =
        [
            new EncodingCheck(),
            new EntityStructureCheck(loader),
            new SchemaValidation(schemas, loader),
            new XsiTypePrefixCheck(),
            new NamespaceAllowListCheck(settings.AllowedNamespaces),
            new EntityIdCheck(),
            new EntityIdInvisibleCharacterCheck(),
            new EntityRulesStage(Rules(settings.Rules)),
            new SignatureStripping(),
        ];
        IEntityStage[] registration =
        [
            new ValidityStripping(),
            new RegistrationInfoStripping(),
            new RegistrationInfoInjection(settings.Registration),
        ];
        IRegistryStage[] registryStages =
        [
            new DuplicateEntityIdCheck(settings.DuplicateFirstWins),
        ];
        var parser = new EntityParser(loader);
        return new OriginPipelines(
            new EntityPipeline(parser, [.. shared, .. LookAlikeChecks(Severity.Error), .. registration, new AssemblyReadinessCheck(loader)], [.. registryStages, new NearDuplicateEntityIdCheck(Severity.Error)]),
            new EntityPipeline(parser, [.. shared, .. LookAlikeChecks(Severity.Warning), new AssemblyReadinessCheck(loader)], [.. registryStages, new NearDuplicateEntityIdCheck(Severity.Warning)]));
    }

    /// <summary>The entityID look-alike checks, errors for the registry and warnings for imported entities.</summary>
    private static IEntityStage[] LookAlikeChecks(Severity severity) =>
    [
        new EntityIdHostCaseCheck(severity),
        new EntityIdMixedScriptCheck(severity),
    ];

    /// <summary>Every model rule, in the order it runs.</summary>
    public static IReadOnlyList<IEntityRule> Rules(RuleOptions rules) =>
    [
        new EndpointHttpsRule(),
        new CertificateParsesRule(),
        new KeyStrengthRule(rules),
        new RsaExponentRule(rules),
        new CertificateExpiryRule(rules),
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

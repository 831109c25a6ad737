using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Profiles;
using Fedmd.Aggregator.Rules;
using Fedmd.Aggregator.Schemas;
using Fedmd.Aggregator.Stages;
using Fedmd.Aggregator.Transforms;
using Fedmd.Metadata.Xml;

namespace Fedmd.Aggregator.Runs;

/// <summary>
/// The federation's pipelines: which stages run, in which order, and how much each weighs, per profile
/// (<see cref="ProfileTable"/>). Checks first (on the submission as written), then the repairs the import profile
/// makes, the rules, and the transformations, so that the report judges what the participant sent and the feeds carry
/// what the federation publishes. A stage its profile turns off is not built into that pipeline; the profile weighs
/// every finding last. The schemas are compiled here, once per process: the pipelines hold nothing of any one pass.
/// </summary>
public static class StandardPipeline
{
    /// <summary>Builds the pipeline for the registry's entities.</summary>
    public static EntityPipeline Create(PipelineSettings settings) => CreateForOrigins(settings).Registry;

    /// <summary>Builds the pipelines for registry and imported entities (one per source with its own rules), sharing the compiled schemas.</summary>
    public static OriginPipelines CreateForOrigins(PipelineSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var loader = new SafeXmlLoader(settings.MaxEntityBytes);
        var schemas = MetadataSchemas.Compile(SchemaLocations.FromDirectories(settings.SchemaDirectories), settings.SchemaNamespaces);
        var parser = new EntityParser(loader);
        EntityPipeline For(RuleProfile profile)
        {
            (string Rule, IEntityStage Stage)[] stages =
            [
                (EncodingCheck.Rule, new EncodingCheck()),
                (EntityStructureCheck.Rule, new EntityStructureCheck(loader)),
                (SchemaValidation.Rule, new SchemaValidation(schemas, loader)),
                (XsiTypePrefixCheck.Rule, new XsiTypePrefixCheck()),
                (NamespaceAllowListCheck.Rule, new NamespaceAllowListCheck(settings.AllowedNamespaces)),
                (NamespaceStripping.Rule, new NamespaceStripping(settings.AllowedNamespaces)),
                (EntityIdCheck.Rule, new EntityIdCheck()),
                (EntityIdInvisibleCharacterCheck.Rule, new EntityIdInvisibleCharacterCheck()),
                // Errors here; the import profile weighs look-alikes down to warnings.
                (EntityIdHostCaseCheck.Rule, new EntityIdHostCaseCheck(Severity.Error)),
                (EntityIdMixedScriptCheck.Rule, new EntityIdMixedScriptCheck(Severity.Error)),
                (MailtoRepair.Rule, new MailtoRepair()),
                (LogoRepair.Rule, new LogoRepair()),
                (WhitespaceTrimming.Rule, new WhitespaceTrimming()),
                // Always built: the profile chooses the rules inside it.
                (EntityPipeline.StageFailureRule, new EntityRulesStage(Rules(settings.Rules).Where(r => profile.IsOn(r.RuleId)).ToList())),
                (SignatureStripping.Rule, new SignatureStripping()),
                (ValidityStripping.Rule, new ValidityStripping()),
                (RegistrationInfoStripping.Rule, new RegistrationInfoStripping()),
                // The federation's RegistrationInfo replaces the one stripped, never another federation's.
                (RegistrationInfoStripping.Rule, new RegistrationInfoInjection(settings.Registration)),
            ];
            // What an entity became (e.g. with the injected RegistrationInfo) is what is checked.
            (string Rule, IPublishedEntityCheck Check)[] publishedChecks = [(AssemblyReadinessCheck.Rule, new AssemblyReadinessCheck(loader))];
            IRegistryStage[] registryStages =
            [
                new DuplicateEntityIdCheck(settings.DuplicateFirstWins),
                new NearDuplicateEntityIdCheck(Severity.Error),
                new ProfileWeighing(profile),
            ];
            return new EntityPipeline(
                parser,
                stages.Where(s => profile.IsOn(s.Rule)).Select(s => s.Stage).ToList(),
                registryStages,
                publishedChecks.Where(c => profile.IsOn(c.Rule)).Select(c => c.Check).ToList());
        }

        return new OriginPipelines(For(settings.RegistrationProfile), For(RuleProfile.Import))
        {
            BySource = settings.SourceProfiles.ToDictionary(p => p.Key, p => For(p.Value), StringComparer.Ordinal),
        };
    }


    /// <summary>Every model rule, in the order it runs.</summary>
    public static IReadOnlyList<IEntityRule> Rules(RuleOptions rules) =>
    [
        new EndpointHttpsRule(),
        new EndpointIndexRule(),
        new CertificateParsesRule(),
        new KeyInsecureRule(),
        new KeyStrengthRule(rules),
        new RsaExponentRule(rules),
        new CertificateExpiryRule(rules),
        new SingleKeyRule(),
        new UsableKeyRule(),
        new IdentityProviderSigningKeyRule(),
        new ScopePresentRule(),
        new ScopeSyntaxRule(),
        new ScopeRegexpRule(),
        new IdentityProviderUiRule(),
        new LogoUrlRule(),
        new TechnicalContactRule(),
        new SirtfiSecurityContactRule(),
        new RegistrationInfoPresentRule(),
        new CarriageReturnRule(),
        new EmptyLanguageRule(),
        new DuplicateLanguageRule(),
        new NameWhitespaceRule(),
    ];
}

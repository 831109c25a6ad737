using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Registry;
using Fedmd.Aggregator.Rules;
using Fedmd.Aggregator.Sources;
using Fedmd.Aggregator.Stages;
using Fedmd.Aggregator.Transforms;
using static Fedmd.Aggregator.Profiles.ProfileSeverity;

namespace Fedmd.Aggregator.Profiles;

/// <summary>
/// Every rule and every check or transformation with a rule id, with its severity in the registration profile (the
/// federation's own registry) and the import profile (remote sources such as eduGAIN). The registration column is the
/// federation's registration policy; the import column keeps what breaks a feed or puts consumers at risk as errors,
/// repairs what can be repaired safely, and only reports what is registration policy, as other federations' own
/// registrars decide it. docs/validation.md shows this table.
/// </summary>
public static class ProfileTable
{
    /// <summary>The rows, in the order the pipeline meets them.</summary>
    public static IReadOnlyList<ProfiledRule> Rows { get; } =
    [
        Fixed(RegistryDirectory.ReadRule, "a file that cannot be read cannot be judged"),
        new(RegistryDirectory.SymbolicLinkRule, Error, Off, "a link would let a participant's file make the pass read or publish what lies outside the registry") { IsFixed = true },
        new(RegistryDirectory.NotAFileRule, Error, Off, "a directory, FIFO or socket named *.xml is not an entity file, and reading one could block the pass") { IsFixed = true },
        Fixed(EntityStructureCheck.Rule, "nesting, attribute or element counts beyond the limits can make the whole aggregate's signature fail"),
        Fixed(EntityParser.SizeRule, "an entity larger than the limit is not read at all"),
        Fixed(EntityParser.WellFormedRule, "what does not parse cannot be judged or published"),
        Fixed(EntityParser.DtdRule, "a DTD is how external entities and entity-expansion bombs get in"),
        Fixed(EntityParser.EncodingRule, "invalid or non-UTF bytes break consumers that read the feed as UTF-8"),
        Fixed(EntityParser.RootRule, "only an md:EntityDescriptor is an entity"),
        Fixed(SchemaValidation.Rule, "a schema-invalid entity makes strict consumers reject the whole feed"),
        Fixed(XsiTypePrefixCheck.Rule, "an undeclared prefix in xsi:type breaks every consumer that resolves the type, for the whole feed"),
        new(NamespaceAllowListCheck.Rule, Warning, Off, "registration reports unknown namespaces; imports strip them instead (transform.namespace-stripped)") { WarnsOnly = true },
        new(NamespaceStripping.Rule, Off, Warning, "an imported entity's elements and attributes outside the allow-list are removed: consumers may reject what they do not know") { WarnsOnly = true },
        Fixed(EntityIdCheck.Rule, "an entityID that is not an absolute URI cannot be trusted or looked up by consumers"),
        Fixed(EntityIdInvisibleCharacterCheck.Rule, "an invisible or bidirectional control character lets one entityID pose as another"),
        new(EntityIdHostCaseCheck.Rule, Error, Warning, "an upper-case host is a look-alike of the lower-case entityID consumers compare against"),
        new(EntityIdMixedScriptCheck.Rule, Error, Warning, "a host mixing scripts (a Cyrillic letter among Latin ones) poses as another entity"),
        new(NearDuplicateEntityIdCheck.Rule, Error, Warning, "an entityID equal to another after folding case, accents and a trailing slash poses as that entity"),
        new(MailtoRepair.Rule, Off, Warning, "a bare contact address gets its mailto: prefix, as SAML requires; registrants fix their own") { WarnsOnly = true },
        new(LogoRepair.Rule, Off, Warning, "a non-https or empty logo is dropped: it breaks https discovery pages; registrants fix their own") { WarnsOnly = true },
        new(WhitespaceTrimming.Rule, Off, Warning, "white space around names and scopes is trimmed; registrants fix their own") { WarnsOnly = true },
        new(EndpointHttpsRule.Id, Error, Error, "a plain-http endpoint exposes assertions and sessions"),
        new(EndpointIndexRule.Id, Off, Error, "two endpoints with one index make the choice of endpoint arbitrary; off for registration, where its schema and review catch it"),
        new(CertificateParsesRule.Id, Error, Error, "a key no consumer can read makes the entity unusable or untrustworthy"),
        new(KeyInsecureRule.Id, Off, Error, "DSA, RSA below 1024 bits or EC below 256 bits is breakable; registration's key.strength is stricter"),
        new(KeyStrengthRule.Id, Error, Warning, "RSA 1024-2047 bits is registration policy; other federations decide their own"),
        new(RsaExponentRule.Id, Error, Error, "a small RSA exponent invites known attacks"),
        new(CertificateExpiryRule.Id, Warning, Warning, "SAML metadata keys are trusted by publication, not dates; error for registration with Validation:ExpiredCertificateIsError"),
        new(SingleKeyRule.Id, Error, Warning, "one key per KeyDescriptor is registration policy"),
        new(UsableKeyRule.Id, Off, Error, "a KeyDescriptor with no key (only a KeyName) cannot be used; registration's key.single already requires one key"),
        new(IdentityProviderSigningKeyRule.Id, Off, Error, "an identity provider without a signing key cannot be trusted by any SP; off for registration, where key.single and review cover it"),
        new(ScopePresentRule.Id, Error, Warning, "a Scope is registration policy (and eduGAIN's warning)"),
        new(ScopeSyntaxRule.Id, Error, Warning, "lowercase, explicit regexp and the anchoring style are registration policy (eduGAIN warns on a missing regexp)"),
        new(ScopeRegexpRule.Id, Off, Error, "a regular-expression scope that is not anchored to a literal domain lets an IdP assert someone else's scope; registration's idp.scope-syntax covers it"),
        new(IdentityProviderUiRule.Id, Error, Warning, "English mdui names are registration policy (eduGAIN warns)"),
        new(LogoUrlRule.Id, Error, Off, "registration rejects a non-https logo; imports drop it instead (transform.logo-removed)"),
        new(TechnicalContactRule.Id, Error, Warning, "a reachable technical contact is registration policy; many federations publish none"),
        new(SirtfiSecurityContactRule.Id, Error, Warning, "eduGAIN warns; a source with SirtfiOnly still filters out a Sirtfi claim without a security contact"),
        new(RegistrationInfoPresentRule.Id, Off, Error, "an imported entity must say which federation registered it; the registry's entities get the federation's own"),
        new(CarriageReturnRule.Id, Error, Error, "a carriage return breaks consumers' displays and digests"),
        new(EmptyLanguageRule.Id, Error, Error, "an empty xml:lang breaks language selection"),
        new(DuplicateLanguageRule.Id, Error, Error, "a repeated xml:lang makes consumers pick a text at random"),
        new(NameWhitespaceRule.Id, Warning, Off, "registration reports padded names; imports trim them (transform.whitespace-trimmed)") { WarnsOnly = true },
        new(SignatureStripping.Rule, Warning, Warning, "an entity's own signature does not survive aggregation; consumers trust the federation's") { WarnsOnly = true },
        new(ValidityStripping.Rule, Warning, Off, "the federation sets its registry's validity; an imported entity keeps its home federation's") { IsFixed = true, WarnsOnly = true },
        new(RegistrationInfoStripping.Rule, Warning, Off, "the federation registers its own entities; an imported entity keeps its home federation's registration") { IsFixed = true, WarnsOnly = true },
        Fixed(DuplicateEntityIdCheck.Rule, "one entityID, one entity: a duplicate within one origin cannot be resolved"),
        new(SourcePrecedence.Rule, Off, Error, "the registry's entity wins over an imported copy, and the first configured source over later ones") { IsFixed = true },
        Fixed(EntityPipeline.StageFailureRule, "a stage that broke on an entity cannot vouch for it"),
        Fixed(AssemblyReadinessCheck.Rule, "an entity that cannot be copied into an aggregate would fail the whole feed"),
        new(SourceImporter.ExpiredEntityRule, Off, Error, "an imported entity past its own validUntil must not be re-published; only that entity is left out") { IsFixed = true },
    ];

    /// <summary>The row of <paramref name="ruleId"/>, or null for an id the table does not know.</summary>
    public static ProfiledRule? Find(string ruleId) => Rows.FirstOrDefault(r => string.Equals(r.RuleId, ruleId, StringComparison.Ordinal));

    /// <summary>
    /// Why a source may not set <paramref name="ruleId"/> to <paramref name="severity"/> (for the configuration's
    /// message), or null when it may.
    /// </summary>
    public static string? OverrideProblem(string ruleId, string severity)
    {
        var row = Find(ruleId);
        if (row is null)
        {
            return $"'{ruleId}' is not a rule id; see docs/validation.md for the profile table";
        }

        if (!ProfileSeverities.TryParse(severity, out var parsed))
        {
            return $"'{severity}' is not a severity; write error, warning or off";
        }

        if (row.IsFixed)
        {
            return $"rule {ruleId} cannot be changed: {row.Reason}";
        }

        return row.WarnsOnly && parsed == Error ? $"rule {ruleId} only reports; write warning or off" : null;
    }

    private static ProfiledRule Fixed(string ruleId, string reason) => new(ruleId, Error, Error, reason) { IsFixed = true };
}

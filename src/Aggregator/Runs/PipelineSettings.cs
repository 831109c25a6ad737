using Fedmd.Aggregator.Profiles;
using Fedmd.Aggregator.Rules;
using Fedmd.Aggregator.Transforms;

namespace Fedmd.Aggregator.Runs;

/// <summary>
/// Everything the standard pipeline needs to know, as configured: fixed for the process. What changes from pass to pass
/// (the moment, the ledger) travels in <see cref="Pipeline.PassContext"/>.
/// </summary>
/// <param name="MaxEntityBytes">Largest entity file accepted.</param>
/// <param name="SchemaDirectories">Directories of the installed schemas and their catalogs.</param>
/// <param name="SchemaNamespaces">Namespaces whose schemas are validated.</param>
/// <param name="AllowedNamespaces">Namespaces used without a warning.</param>
/// <param name="Rules">The rules' limits.</param>
/// <param name="DuplicateFirstWins">Keep the first of duplicate entityIDs instead of excluding all.</param>
/// <param name="Registration">The federation's registration facts.</param>
public sealed record PipelineSettings(
    long MaxEntityBytes,
    IReadOnlyList<string> SchemaDirectories,
    IReadOnlyList<string> SchemaNamespaces,
    IReadOnlySet<string> AllowedNamespaces,
    RuleOptions Rules,
    bool DuplicateFirstWins,
    RegistrationPolicy Registration)
{
    /// <summary>The registry's profile: the registration column, with <c>Validation:ExpiredCertificateIsError</c> applied.</summary>
    public RuleProfile RegistrationProfile { get; init; } = RuleProfile.Registration;

    /// <summary>The import profile as each source that changes rules has it, by source name; other sources use the default.</summary>
    public IReadOnlyDictionary<string, RuleProfile> SourceProfiles { get; init; } = new Dictionary<string, RuleProfile>();
}

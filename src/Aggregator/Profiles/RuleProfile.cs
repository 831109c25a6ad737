using Fedmd.Aggregator.Pipeline;

namespace Fedmd.Aggregator.Profiles;

/// <summary>
/// The severity of every rule for one kind of entity: the profile table's column, with a source's (or the
/// configuration's) changes by rule id. Immutable; built once per process.
/// </summary>
public sealed class RuleProfile
{
    private readonly IReadOnlyDictionary<string, ProfileSeverity> _changes;

    private RuleProfile(ProfileKind kind, IReadOnlyDictionary<string, ProfileSeverity> changes)
    {
        Kind = kind;
        _changes = changes;
    }

    /// <summary>The federation's registration policy, for its own registry.</summary>
    public static RuleProfile Registration { get; } = new(ProfileKind.Registration, new Dictionary<string, ProfileSeverity>());

    /// <summary>The import profile, for remote sources.</summary>
    public static RuleProfile Import { get; } = new(ProfileKind.Import, new Dictionary<string, ProfileSeverity>());

    /// <summary>Which column of the table this profile starts from.</summary>
    public ProfileKind Kind { get; }

    /// <summary>The profile with <paramref name="changes"/> applied over this one's.</summary>
    /// <exception cref="ArgumentException">A rule id is unknown, fixed, or only reports and was raised to error.</exception>
    public RuleProfile With(IReadOnlyDictionary<string, ProfileSeverity> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var merged = new Dictionary<string, ProfileSeverity>(_changes, StringComparer.Ordinal);
        foreach (var (ruleId, severity) in changes)
        {
            if (ProfileTable.OverrideProblem(ruleId, ProfileSeverities.Name(severity)) is { } problem)
            {
                throw new ArgumentException(problem, nameof(changes));
            }

            merged[ruleId] = severity;
        }

        return new RuleProfile(Kind, merged);
    }

    /// <summary>
    /// The severity of <paramref name="ruleId"/>. A rule the table does not list weighs as it reports (the table
    /// test keeps that from happening unnoticed).
    /// </summary>
    public ProfileSeverity SeverityOf(string ruleId) =>
        _changes.TryGetValue(ruleId, out var changed) ? changed
        : ProfileTable.Find(ruleId)?.In(Kind) ?? ProfileSeverity.Error;

    /// <summary>Whether the rule (or transformation) runs in this profile.</summary>
    public bool IsOn(string ruleId) => SeverityOf(ruleId) != ProfileSeverity.Off;

    /// <summary>What a finding becomes in this profile: as reported, a warning, or nothing.</summary>
    public ItemMessage? Weigh(ItemMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return SeverityOf(message.RuleId) switch
        {
            ProfileSeverity.Off => null,
            ProfileSeverity.Warning when message.Severity == Severity.Error => message with { Severity = Severity.Warning },
            _ => message,
        };
    }
}

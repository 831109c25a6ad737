namespace Fedmd.Aggregator.Profiles;

/// <summary>One row of the profile table: a rule id, its severity in each profile, and why.</summary>
/// <param name="RuleId">The rule's stable id, as findings carry it.</param>
/// <param name="Registration">Its severity for the federation's own registry.</param>
/// <param name="Import">Its severity for imported entities.</param>
/// <param name="Reason">Why the profiles weigh it so (docs/validation.md shows it).</param>
public sealed record ProfiledRule(string RuleId, ProfileSeverity Registration, ProfileSeverity Import, string Reason)
{
    /// <summary>
    /// Whether a source may not change it: without these the pipeline cannot judge the entity at all (it did not
    /// parse), the feed would break for every consumer, or the federation's own registration would be applied to
    /// another federation's entity.
    /// </summary>
    public bool IsFixed { get; init; }

    /// <summary>Whether the rule only ever reports (a transformation, a heads-up): it cannot be raised to an error.</summary>
    public bool WarnsOnly { get; init; }

    /// <summary>The rule's severity in <paramref name="kind"/>.</summary>
    public ProfileSeverity In(ProfileKind kind) => kind == ProfileKind.Registration ? Registration : Import;
}

namespace Fedmd.Aggregator.Profiles;

/// <summary>
/// How much a rule weighs in a profile. <see cref="Error"/> lets its findings count as the rule reports them (an error
/// excludes the entity; a rule's heads-up, such as a certificate expiring soon, stays a warning);
/// <see cref="Warning"/> reports every finding without excluding the entity; <see cref="Off"/> does not run the rule.
/// </summary>
public enum ProfileSeverity
{
    /// <summary>The rule does not run (a transformation does not change the entity).</summary>
    Off,

    /// <summary>Findings are reported; the entity is still published.</summary>
    Warning,

    /// <summary>Findings count as the rule reports them: an error excludes the entity.</summary>
    Error,
}

namespace Fedmd.Aggregator.Pipeline;

/// <summary>One finding about one entity.</summary>
/// <param name="RuleId">Stable identifier of the rule, e.g. <c>entityid.absolute-uri</c>; reports and docs use it.</param>
/// <param name="Severity">Whether the finding excludes the entity.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record ItemMessage(string RuleId, Severity Severity, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{(Severity == Severity.Error ? "error" : "warning")} [{RuleId}] {Message}";
}

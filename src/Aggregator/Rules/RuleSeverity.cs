using FluentValidation;

namespace Fedmd.Aggregator.Rules;

/// <summary>Maps between the pipeline's severities and FluentValidation's.</summary>
internal static class RuleSeverity
{
    /// <summary>The pipeline's severity of a FluentValidation finding.</summary>
    public static Pipeline.Severity ToPipeline(Severity severity) =>
        severity == Severity.Error ? Pipeline.Severity.Error : Pipeline.Severity.Warning;
}

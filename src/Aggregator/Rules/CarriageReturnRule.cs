using FluentValidation;

namespace Fedmd.Aggregator.Rules;

/// <summary>No text holds a carriage return (written as <c>&amp;#13;</c>): it survives parsing and breaks consumers' displays and digests.</summary>
internal sealed class CarriageReturnRule : EntityRule
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Id = "text.carriage-return";

    /// <summary>Creates the rule.</summary>
    public CarriageReturnRule()
    {
        RuleForEach(m => m.Texts)
            .Must(t => !t.Value.Contains('\r', StringComparison.Ordinal))
            .OverridePropertyName(Id)
            .WithMessage((_, t) => $"{t.Path} contains a carriage return; use plain line feeds or none");
    }

    /// <inheritdoc />
    public override string RuleId => Id;
}

using FluentValidation;

namespace Fedmd.Aggregator.Rules;

/// <summary>No <c>xml:lang</c> is empty: an empty language tag un-declares the language and consumers cannot pick the text.</summary>
internal sealed class EmptyLanguageRule : EntityRule
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Id = "text.lang-empty";

    /// <summary>Creates the rule.</summary>
    public EmptyLanguageRule()
    {
        RuleForEach(m => m.Texts.Where(t => t.Lang != null))
            .Must(t => t.Lang!.Trim().Length > 0)
            .OverridePropertyName(Id)
            .WithMessage((_, t) => $"{t.Path} has an empty xml:lang; write a language tag such as \"en\"");
    }

    /// <inheritdoc />
    public override string RuleId => Id;
}

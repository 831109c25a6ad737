using FluentValidation;

namespace Fedmd.Aggregator.Rules;

/// <summary>The entity has a technical contact with a <c>mailto:</c> address: the federation must reach someone who can fix it.</summary>
internal sealed class TechnicalContactRule : EntityRule
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Id = "contact.technical";

    /// <summary>Creates the rule.</summary>
    public TechnicalContactRule()
    {
        RuleFor(m => m.Contacts)
            .Must(c => c.Any(x => x.Type == "technical" && x.HasMailto))
            .OverridePropertyName(Id)
            .WithMessage("there is no ContactPerson contactType=\"technical\" with an EmailAddress such as mailto:iam@example.ac.za; add one");
    }

    /// <inheritdoc />
    public override string RuleId => Id;
}

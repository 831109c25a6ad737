using FluentValidation;

namespace Fedmd.Aggregator.Rules;

/// <summary>
/// An imported entity says who registered it (<c>mdrpi:RegistrationInfo</c> with a <c>registrationAuthority</c>):
/// consumers and the own-registration filter rely on it.
/// </summary>
internal sealed class RegistrationInfoPresentRule : EntityRule
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Id = "entity.registration-info";

    /// <summary>Creates the rule.</summary>
    public RegistrationInfoPresentRule()
    {
        RuleFor(m => m.RegistrationAuthority)
            .Must(a => !string.IsNullOrWhiteSpace(a))
            .OverridePropertyName(Id)
            .WithMessage("the entity has no mdrpi:RegistrationInfo with a registrationAuthority; nobody vouches for its registration");
    }

    /// <inheritdoc />
    public override string RuleId => Id;
}

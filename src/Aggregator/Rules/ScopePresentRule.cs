using FluentValidation;

namespace Fedmd.Aggregator.Rules;

/// <summary>An identity provider declares at least one <c>shibmd:Scope</c>, so that SPs can check scoped attributes.</summary>
internal sealed class ScopePresentRule : EntityRule
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Id = "idp.scope-present";

    /// <summary>Creates the rule.</summary>
    public ScopePresentRule()
    {
        RuleForEach(m => m.IdentityProviders)
            .Must(r => r.Scopes.Count > 0)
            .OverridePropertyName(Id)
            .WithMessage("the IDPSSODescriptor has no shibmd:Scope; add <shibmd:Scope regexp=\"false\">your-domain</shibmd:Scope> to its md:Extensions");
    }

    /// <inheritdoc />
    public override string RuleId => Id;
}

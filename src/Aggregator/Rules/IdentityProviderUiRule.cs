using Fedmd.Aggregator.Model;
using FluentValidation;

namespace Fedmd.Aggregator.Rules;

/// <summary>An identity provider has an English <c>mdui:DisplayName</c> and <c>mdui:Description</c>: discovery services show them.</summary>
internal sealed class IdentityProviderUiRule : EntityRule
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Id = "mdui.idp-names";

    /// <summary>Creates the rule.</summary>
    public IdentityProviderUiRule()
    {
        RuleForEach(m => m.IdentityProviders)
            .Must(r => HasEnglish(r.DisplayNames))
            .OverridePropertyName(Id)
            .WithMessage("the IDPSSODescriptor has no mdui:DisplayName with xml:lang=\"en\"; add one to mdui:UIInfo");
        RuleForEach(m => m.IdentityProviders)
            .Must(r => HasEnglish(r.Descriptions))
            .OverridePropertyName(Id)
            .WithMessage("the IDPSSODescriptor has no mdui:Description with xml:lang=\"en\"; add one to mdui:UIInfo");
    }

    /// <inheritdoc />
    public override string RuleId => Id;

    private static bool HasEnglish(IEnumerable<TextModel> texts) =>
        texts.Any(t => t.Value.Trim().Length > 0 && (t.Lang == "en" || (t.Lang?.StartsWith("en-", StringComparison.OrdinalIgnoreCase) ?? false)));
}

using FluentValidation;

namespace Fedmd.Aggregator.Rules;

/// <summary>
/// An identity provider has a KeyDescriptor for signing (<c>use="signing"</c> or no use) that holds a key: without
/// one no SP can check its assertions.
/// </summary>
internal sealed class IdentityProviderSigningKeyRule : EntityRule
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Id = "idp.signing-key";

    /// <summary>Creates the rule.</summary>
    public IdentityProviderSigningKeyRule()
    {
        RuleForEach(m => m.IdentityProviders)
            .Must(r => r.Keys.Any(k => k.Use is "" or "signing" && k.KeyCount > 0))
            .OverridePropertyName(Id)
            .WithMessage("the IDPSSODescriptor has no signing key; add a KeyDescriptor use=\"signing\" with its X509Certificate");
    }

    /// <inheritdoc />
    public override string RuleId => Id;
}

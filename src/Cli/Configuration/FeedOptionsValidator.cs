using FluentValidation;

namespace Fedmd.Cli.Configuration;

/// <summary>Checks one entry of the <c>Feeds</c> list.</summary>
internal sealed class FeedOptionsValidator : AbstractValidator<FeedOptions>
{
    /// <summary>Role descriptor names a feed may select by.</summary>
    public static readonly IReadOnlySet<string> KnownRoles = new HashSet<string>(StringComparer.Ordinal)
    {
        "IDPSSODescriptor", "SPSSODescriptor", "AttributeAuthorityDescriptor", "AuthnAuthorityDescriptor", "PDPDescriptor", "RoleDescriptor",
    };

    /// <summary>Creates the validator.</summary>
    public FeedOptionsValidator()
    {
        RuleFor(o => o.Name).NotEmpty().WithMessage("must be set");
        RuleFor(o => o.FileName).Must(ConfigurationRules.IsPlainXmlFileName).WithMessage("must be a plain file name ending in .xml");
        RuleForEach(o => o.Roles).Must(KnownRoles.Contains).WithMessage("must be a role descriptor name such as IDPSSODescriptor or SPSSODescriptor");
        RuleForEach(o => o.EntityIds).Must(ConfigurationRules.IsEntityId).WithMessage("must be an entityID (an absolute URI without white space)");
        RuleForEach(o => o.EntityAttributes).Must(a => a.Name.Length > 0 && a.Value.Length > 0).WithMessage("needs a Name and a Value");
    }
}

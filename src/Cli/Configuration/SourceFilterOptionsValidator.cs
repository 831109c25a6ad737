using FluentValidation;

namespace Fedmd.Cli.Configuration;

/// <summary>Checks <c>Sources[n]:Filters</c>.</summary>
internal sealed class SourceFilterOptionsValidator : AbstractValidator<SourceFilterOptions>
{
    /// <summary>Creates the validator.</summary>
    public SourceFilterOptionsValidator()
    {
        RuleForEach(o => o.Roles).Must(FeedOptionsValidator.KnownRoles.Contains).WithMessage("must be a role descriptor name such as IDPSSODescriptor or SPSSODescriptor");
        RuleForEach(o => o.EntityCategories).Must(ConfigurationRules.IsAbsoluteUri).WithMessage("must be an entity category URI");
        RuleForEach(o => o.BlockedEntityIds).Must(ConfigurationRules.IsEntityId).WithMessage("must be an entityID (an absolute URI without white space)");
    }
}

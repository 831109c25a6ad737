using FluentValidation;

namespace Fedmd.Cli.Configuration;

/// <summary>Checks the <c>Registry</c> section.</summary>
internal sealed class RegistryOptionsValidator : AbstractValidator<RegistryOptions>
{
    /// <summary>Creates the validator.</summary>
    public RegistryOptionsValidator()
    {
        RuleFor(o => o.EntitiesDirectory).NotEmpty().WithMessage("must name the directory of entity files");
        RuleFor(o => o.MaxEntityBytes).GreaterThan(0).WithMessage("must be a positive number of bytes");
        RuleFor(o => o.RegistrationAuthority).Must(ConfigurationRules.IsAbsoluteUri).When(o => !string.IsNullOrEmpty(o.RegistrationAuthority))
            .WithMessage("must be the federation's registration authority URI, e.g. https://safire.ac.za");
        RuleFor(o => o.RegistrationPolicyUrl).Must(ConfigurationRules.IsAbsoluteUri).When(o => !string.IsNullOrEmpty(o.RegistrationPolicyUrl))
            .WithMessage("must be the URL of the federation's registration policy, e.g. https://safire.ac.za/safire/policy/mrps/");
    }
}

using FluentValidation;

namespace Fedmd.Cli.Configuration;

/// <summary>Checks the <c>Federation</c> section.</summary>
internal sealed class FederationOptionsValidator : AbstractValidator<FederationOptions>
{
    /// <summary>Creates the validator.</summary>
    public FederationOptionsValidator()
    {
        RuleFor(o => o.Name).NotEmpty().WithMessage("must be set");
        RuleFor(o => o.Publisher).Must(ConfigurationRules.IsAbsoluteUri)
            .WithMessage("must be an absolute URI, e.g. https://federation.example.ac.za");
    }
}

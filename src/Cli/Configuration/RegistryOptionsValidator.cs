using FluentValidation;

namespace Fedmd.Cli.Configuration;

/// <summary>Checks the <c>Registry</c> section.</summary>
public sealed class RegistryOptionsValidator : AbstractValidator<RegistryOptions>
{
    /// <summary>Creates the validator.</summary>
    public RegistryOptionsValidator()
    {
        RuleFor(o => o.EntitiesDirectory).NotEmpty().WithMessage("must name the directory of entity files");
        RuleFor(o => o.MaxEntityBytes).GreaterThan(0).WithMessage("must be a positive number of bytes");
    }
}

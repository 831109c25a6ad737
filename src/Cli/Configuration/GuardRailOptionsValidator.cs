using FluentValidation;

namespace Fedmd.Cli.Configuration;

/// <summary>Checks the <c>GuardRails</c> section.</summary>
internal sealed class GuardRailOptionsValidator : AbstractValidator<GuardRailOptions>
{
    /// <summary>Creates the validator.</summary>
    public GuardRailOptionsValidator()
    {
        RuleFor(o => o.MaximumDropPercent).InclusiveBetween(0, 100).WithMessage("must be a percentage between 0 and 100");
    }
}

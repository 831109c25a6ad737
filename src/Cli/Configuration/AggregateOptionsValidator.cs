using FluentValidation;

namespace Fedmd.Cli.Configuration;

/// <summary>Checks the <c>Aggregate</c> section.</summary>
internal sealed class AggregateOptionsValidator : AbstractValidator<AggregateOptions>
{
    /// <summary>Creates the validator.</summary>
    public AggregateOptionsValidator()
    {
        RuleFor(o => o.Name).NotEmpty().WithMessage("must be set");
        RuleFor(o => o.FileName).Must(ConfigurationRules.IsPlainXmlFileName).WithMessage("must be a plain file name ending in .xml");
        RuleFor(o => o.ValidFor).Must(ConfigurationRules.IsDuration).WithMessage("must be an ISO 8601 duration such as P10D");
        RuleFor(o => o.CacheDuration).Must(ConfigurationRules.IsDuration).WithMessage("must be an ISO 8601 duration such as PT6H");
    }
}

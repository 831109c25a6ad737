using FluentValidation;

namespace Fedmd.Cli.Configuration;

/// <summary>Checks the <c>Publish</c> section.</summary>
public sealed class PublishOptionsValidator : AbstractValidator<PublishOptions>
{
    /// <summary>Creates the validator.</summary>
    public PublishOptionsValidator()
    {
        RuleFor(o => o.Directory).NotEmpty().WithMessage("must be set");
        RuleFor(o => o.BaseUrl).Must(u => u is null || ConfigurationRules.IsAbsoluteUri(u))
            .WithMessage("must be an absolute http or https URL when set");
    }
}

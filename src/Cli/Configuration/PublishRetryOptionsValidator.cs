using FluentValidation;

namespace Fedmd.Cli.Configuration;

/// <summary>Checks <c>Publish:MirrorRetry</c>.</summary>
internal sealed class PublishRetryOptionsValidator : AbstractValidator<PublishRetryOptions>
{
    /// <summary>Creates the validator.</summary>
    public PublishRetryOptionsValidator()
    {
        RuleFor(o => o.Attempts).InclusiveBetween(1, 20).WithMessage("must be between 1 and 20");
        RuleFor(o => o.FirstDelaySeconds).InclusiveBetween(0, 600).WithMessage("must be between 0 and 600");
        RuleFor(o => o.MaxDelaySeconds).GreaterThanOrEqualTo(o => o.FirstDelaySeconds).WithMessage("must be at least MirrorRetry:FirstDelaySeconds");
    }
}

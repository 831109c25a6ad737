using FluentValidation;

namespace Fedmd.Cli.Configuration;

/// <summary>Checks the <c>Publish</c> section.</summary>
internal sealed class PublishOptionsValidator : AbstractValidator<PublishOptions>
{
    /// <summary>Creates the validator.</summary>
    public PublishOptionsValidator()
    {
        RuleFor(o => o.Directory).NotEmpty().WithMessage("must be set");
        RuleFor(o => o.BaseUrl).Must(u => u is null || ConfigurationRules.IsAbsoluteUri(u))
            .WithMessage("must be an absolute http or https URL when set");
        RuleFor(o => o.HistoryVersions).InclusiveBetween(1, 10000).WithMessage("must be between 1 and 10000");
        RuleForEach(o => o.Mirrors).SetValidator(new PublishMirrorOptionsValidator());
        RuleFor(o => o.Mirrors).Must(m => m.Select(x => x.Name).Distinct(StringComparer.Ordinal).Count() == m.Count)
            .WithMessage("mirror names must be distinct");
        RuleFor(o => o.MirrorRetry).SetValidator(new PublishRetryOptionsValidator());
    }
}

using Fedmd.Metadata.Values;
using FluentValidation;

namespace Fedmd.Cli.Configuration;

/// <summary>Checks the <c>Monitoring</c> section: durations, day counts, ordered thresholds and mirror URLs.</summary>
internal sealed class MonitoringOptionsValidator : AbstractValidator<MonitoringOptions>
{
    /// <summary>Creates the validator.</summary>
    public MonitoringOptionsValidator()
    {
        RuleFor(o => o.ValidUntilWarning).Must(IsDuration).WithMessage(DurationMessage);
        RuleFor(o => o.ValidUntilCritical).Must(IsDuration).WithMessage(DurationMessage);
        RuleFor(o => o.PublicationAgeWarning).Must(IsDuration).WithMessage(DurationMessage);
        RuleFor(o => o.PublicationAgeCritical).Must(IsDuration).WithMessage(DurationMessage);
        RuleFor(o => o.ValidUntilCritical)
            .Must((o, critical) => Seconds(critical) <= Seconds(o.ValidUntilWarning))
            .When(o => IsDuration(o.ValidUntilWarning) && IsDuration(o.ValidUntilCritical))
            .WithMessage("must not be longer than Monitoring:ValidUntilWarning (critical is the closer validUntil)");
        RuleFor(o => o.PublicationAgeCritical)
            .Must((o, critical) => Seconds(critical) >= Seconds(o.PublicationAgeWarning))
            .When(o => IsDuration(o.PublicationAgeWarning) && IsDuration(o.PublicationAgeCritical))
            .WithMessage("must not be shorter than Monitoring:PublicationAgeWarning (critical is the older publication)");
        RuleFor(o => o.CertificateWarningDays).InclusiveBetween(0, 3650).WithMessage("must be between 0 and 3650");
        RuleFor(o => o.CertificateCriticalDays).InclusiveBetween(0, 3650).WithMessage("must be between 0 and 3650")
            .LessThanOrEqualTo(o => o.CertificateWarningDays).WithMessage("must not be more than Monitoring:CertificateWarningDays");
        RuleForEach(o => o.MirrorUrls).Must(entry => IsWebUrl(entry.Value))
            .OverridePropertyName("MirrorUrls")
            .WithMessage((_, entry) => $"'{entry.Value}' for mirror {entry.Key} is not an absolute http(s) URL, e.g. https://mirror.example.org/metadata/");
    }

    private const string DurationMessage = "must be an ISO 8601 duration such as P3D or PT3H";

    private static bool IsDuration(string text) => XsDuration.IsValid(text);

    private static double Seconds(string text) => XsDuration.Parse(text).Value.TotalSeconds;

    private static bool IsWebUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);
}

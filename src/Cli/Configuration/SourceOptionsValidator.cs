using Fedmd.Aggregator.Profiles;
using Fedmd.Metadata.Values;
using FluentValidation;

namespace Fedmd.Cli.Configuration;

/// <summary>Checks one entry of <c>Sources</c>: a usable name and URL, at least one SHA-256 pin, sane limits.</summary>
internal sealed class SourceOptionsValidator : AbstractValidator<SourceOptions>
{
    /// <summary>Creates the validator.</summary>
    public SourceOptionsValidator()
    {
        RuleFor(o => o.Name).Must(n => n.Length > 0 && n.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            .WithMessage("must be set, letters, digits, '-' and '_' only (it names the last good copy's file)");
        RuleFor(o => o.Url).Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
            .WithMessage("must be an http or https URL");
        RuleFor(o => o.Url).Must((o, u) => o.AllowHttp || u.StartsWith("https:", StringComparison.OrdinalIgnoreCase))
            .WithMessage("is not https; set AllowHttp to fetch over plain http (the signature still protects the content)");
        RuleFor(o => o).Must(o => o.CertificateFiles.Count + o.Fingerprints.Count > 0)
            .OverridePropertyName("CertificateFiles")
            .WithMessage("pin at least one key with CertificateFiles or Fingerprints; the key inside the document is never trusted on its own");
        RuleForEach(o => o.CertificateFiles).NotEmpty().WithMessage("must name a PEM certificate");
        RuleForEach(o => o.Fingerprints).Must(IsSha256Fingerprint).WithMessage("must be SHA256:HEX (SHA-1 pins are not accepted)");
        RuleFor(o => o.MaxValidity).Must(ConfigurationRules.IsDuration).WithMessage("must be an xs:duration such as P28D");
        RuleFor(o => o.MaxBytes).GreaterThan(0).WithMessage("must be positive");
        RuleFor(o => o.TimeoutSeconds).InclusiveBetween(1, 3600).WithMessage("must be between 1 and 3600");
        RuleFor(o => o.Filters).SetValidator(new SourceFilterOptionsValidator());
        RuleFor(o => o.Rules).Custom((rules, context) =>
        {
            // The rule id goes into the message: in the key its dots would read as sections.
            foreach (var (ruleId, severity) in rules)
            {
                if (ProfileTable.OverrideProblem(ruleId, severity) is { } problem)
                {
                    context.AddFailure(problem);
                }
            }
        });
    }

    private static bool IsSha256Fingerprint(string text)
    {
        try
        {
            return CertificateFingerprint.Parse(text).Algorithm == FingerprintAlgorithm.Sha256;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}

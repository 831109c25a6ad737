using FluentValidation;

namespace Fedmd.Cli.Configuration;

/// <summary>Checks the <c>Validation</c> section.</summary>
internal sealed class ValidationOptionsValidator : AbstractValidator<ValidationOptions>
{
    /// <summary>Creates the validator.</summary>
    public ValidationOptionsValidator()
    {
        RuleFor(o => o.MinimumRsaBits).GreaterThanOrEqualTo(1024).WithMessage("must be at least 1024 bits (2048 is the policy)");
        RuleFor(o => o.MinimumEcBits).GreaterThanOrEqualTo(256).WithMessage("must be at least 256 bits");
        RuleFor(o => o.MinimumRsaExponent).GreaterThanOrEqualTo(3).WithMessage("must be at least 3 (65537 is the policy)");
        RuleFor(o => o.CertificateExpiryWarningDays).GreaterThanOrEqualTo(0).WithMessage("must be zero or more days");
        RuleForEach(o => o.SchemaDirectories).NotEmpty().WithMessage("must not hold an empty path");
        RuleForEach(o => o.AllowedNamespaces).Must(n => Uri.TryCreate(n, UriKind.Absolute, out _)).WithMessage("must hold absolute namespace URIs");
    }
}

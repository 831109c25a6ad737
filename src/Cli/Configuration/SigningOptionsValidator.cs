using Fedmd.Signer.Pkcs11;
using Fedmd.Verification;
using FluentValidation;

namespace Fedmd.Cli.Configuration;

/// <summary>Checks the <c>Signing</c> section.</summary>
internal sealed class SigningOptionsValidator : AbstractValidator<SigningOptions>
{
    /// <summary>Creates the validator.</summary>
    public SigningOptionsValidator()
    {
        RuleFor(o => o.KeyUri).Must(u => KeyUriProblem(u) is null)
            .WithMessage(o => $"is not a usable PKCS#11 URI: {KeyUriProblem(o.KeyUri)}");
        RuleFor(o => o.CertificateFile).NotEmpty().WithMessage("must name the PEM certificate of the signing key");
        RuleFor(o => o).Must(s => string.IsNullOrEmpty(s.PinFile) != string.IsNullOrEmpty(s.PinEnvironmentVariable))
            .OverridePropertyName("PinFile").WithMessage("set exactly one of Signing:PinFile and Signing:PinEnvironmentVariable");
        RuleFor(o => o.SignatureMethod).Must(name => SignatureMethod.TryFromName(name, out _))
            .WithMessage($"must be {SignatureMethod.NameList()}");
        RuleFor(o => o.CertificateWarnBefore).Must(ConfigurationRules.IsDuration).WithMessage("must be an ISO 8601 duration such as P90D");
        RuleFor(o => o.CertificateRefuseBefore).Must(ConfigurationRules.IsDuration).WithMessage("must be an ISO 8601 duration such as P14D");
        RuleFor(o => o.RecoveryRetries).InclusiveBetween(0, 20).WithMessage("must be 0 to 20 reconnects");
        RuleFor(o => o.RecoveryFirstDelay).Must(ConfigurationRules.IsDuration).WithMessage("must be an ISO 8601 duration such as PT1S");
        RuleFor(o => o.RecoveryLongestDelay).Must(ConfigurationRules.IsDuration).WithMessage("must be an ISO 8601 duration such as PT15S");
        RuleFor(o => o.AuditLog).NotEmpty().WithMessage("must name the audit log file");
    }

    private static string? KeyUriProblem(string text)
    {
        try
        {
            // A relative module path would depend on the directory fedmd happens to start in.
            return Path.IsPathRooted(Pkcs11KeyUri.Parse(text).ModulePath) ? null : "module-path must be an absolute path";
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }
}

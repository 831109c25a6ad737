using Fedmd.Signer.Pkcs11;
using Fedmd.Signer.Signing;
using FluentValidation;

namespace Fedmd.Cli.Configuration;

/// <summary>Checks the <c>Signing</c> section.</summary>
public sealed class SigningOptionsValidator : AbstractValidator<SigningOptions>
{
    /// <summary>Signature method names accepted in configuration, with their XML Signature URIs.</summary>
    public static readonly IReadOnlyDictionary<string, string> SignatureMethods = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["rsa-sha256"] = SignatureAlgorithms.RsaSha256,
        ["rsa-sha384"] = SignatureAlgorithms.RsaSha384,
        ["rsa-sha512"] = SignatureAlgorithms.RsaSha512,
    };

    /// <summary>Creates the validator.</summary>
    public SigningOptionsValidator()
    {
        RuleFor(o => o.KeyUri).Must(u => KeyUriProblem(u) is null)
            .WithMessage(o => $"is not a usable PKCS#11 URI: {KeyUriProblem(o.KeyUri)}");
        RuleFor(o => o.CertificateFile).NotEmpty().WithMessage("must name the PEM certificate of the signing key");
        RuleFor(o => o).Must(s => string.IsNullOrEmpty(s.PinFile) != string.IsNullOrEmpty(s.PinEnvironmentVariable))
            .OverridePropertyName("PinFile").WithMessage("set exactly one of Signing:PinFile and Signing:PinEnvironmentVariable");
        RuleFor(o => o.SignatureMethod).Must(SignatureMethods.ContainsKey).WithMessage("must be rsa-sha256, rsa-sha384 or rsa-sha512");
    }

    private static string? KeyUriProblem(string text)
    {
        try
        {
            Pkcs11KeyUri.Parse(text);
            return null;
        }
        catch (FormatException e)
        {
            return e.Message;
        }
    }
}

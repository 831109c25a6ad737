using FluentValidation;

namespace Fedmd.Aggregator.Rules;

/// <summary>Every <c>ds:X509Certificate</c> is base64 of a DER X.509 certificate.</summary>
internal sealed class CertificateParsesRule : EntityRule
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Id = "key.certificate-parses";

    /// <summary>Creates the rule.</summary>
    public CertificateParsesRule()
    {
        RuleForEach(m => m.KeyCertificates)
            .Must(c => c.Facts is not null)
            .OverridePropertyName(Id)
            .WithMessage((_, c) => $"a {c.Role} KeyDescriptor certificate does not parse ({c.Problem}); paste the PEM body of the certificate");
    }

    /// <inheritdoc />
    public override string RuleId => Id;
}

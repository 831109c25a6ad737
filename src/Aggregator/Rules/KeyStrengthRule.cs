using Fedmd.Aggregator.Model;
using FluentValidation;

namespace Fedmd.Aggregator.Rules;

/// <summary>Keys are RSA of at least 2048 bits or EC of at least 256 bits (configurable); DSA and others are rejected.</summary>
internal sealed class KeyStrengthRule : EntityRule
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Id = "key.strength";

    /// <summary>Creates the rule with the configured minimum sizes.</summary>
    public KeyStrengthRule(RuleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        RuleForEach(m => m.ParsedCertificates)
            .Must(c => Problem(c.Facts!, options) is null)
            .OverridePropertyName(Id)
            .WithMessage((_, c) => $"the {c.Role} certificate {c.Subject} has {Problem(c.Facts!, options)}; issue a new key pair");
    }

    /// <inheritdoc />
    public override string RuleId => Id;

    private static string? Problem(CertificateFacts certificate, RuleOptions options)
    {
        var bits = certificate.KeySize;
        return certificate.PublicKey.AlgorithmOid switch
        {
            PublicKeyFacts.RsaOid when bits < options.MinimumRsaBits => $"an RSA key of {bits} bits, below the minimum of {options.MinimumRsaBits}",
            PublicKeyFacts.RsaOid => null,
            PublicKeyFacts.EcOid when bits < options.MinimumEcBits => $"an EC key of {bits} bits, below the minimum of {options.MinimumEcBits}",
            PublicKeyFacts.EcOid => null,
            _ => $"a {certificate.AlgorithmName} key; only RSA and EC keys are accepted",
        };
    }
}

using Fedmd.Aggregator.Model;
using FluentValidation;

namespace Fedmd.Aggregator.Rules;

/// <summary>
/// No key is breakable outright: DSA and other algorithms, RSA below 1024 bits, EC below 256 bits. The floor under
/// <see cref="KeyStrengthRule"/>, for entities whose registrar set its own key policy.
/// </summary>
internal sealed class KeyInsecureRule : EntityRule
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Id = "key.insecure";

    /// <summary>Smallest RSA key that is not breakable outright.</summary>
    public const int RsaFloorBits = 1024;

    /// <summary>Smallest EC key accepted.</summary>
    public const int EcFloorBits = 256;

    /// <summary>Creates the rule.</summary>
    public KeyInsecureRule()
    {
        RuleForEach(m => m.ParsedCertificates)
            .Must(c => Problem(c.Facts!) is null)
            .OverridePropertyName(Id)
            .WithMessage((_, c) => $"the {c.Role} certificate {c.Subject} has {Problem(c.Facts!)}; the key is not safe to trust");
    }

    /// <inheritdoc />
    public override string RuleId => Id;

    private static string? Problem(CertificateFacts certificate)
    {
        var bits = certificate.KeySize;
        return certificate.PublicKey.AlgorithmOid switch
        {
            PublicKeyFacts.RsaOid when bits > 0 => bits < RsaFloorBits ? $"an RSA key of {bits} bits, below {RsaFloorBits}" : null,
            PublicKeyFacts.EcOid when bits > 0 => bits < EcFloorBits ? $"an EC key of {bits} bits, below {EcFloorBits}" : null,
            _ => $"a {certificate.AlgorithmName} key; only RSA and EC keys are safe to trust",
        };
    }
}

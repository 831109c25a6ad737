using System.Numerics;
using Fedmd.Aggregator.Model;
using FluentValidation;

namespace Fedmd.Aggregator.Rules;

/// <summary>RSA public exponents are at least 65537 (configurable): small exponents invite known attacks.</summary>
internal sealed class RsaExponentRule : EntityRule
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Id = "key.rsa-exponent";

    /// <summary>Creates the rule with the configured minimum exponent.</summary>
    public RsaExponentRule(RuleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        RuleForEach(m => RsaExponents(m))
            .Must(x => x.Exponent >= options.MinimumRsaExponent)
            .OverridePropertyName(Id)
            .WithMessage((_, x) => $"the {x.Key.Role} certificate {x.Key.Subject} has RSA public exponent {x.Exponent}, below {options.MinimumRsaExponent}; issue a new key pair");
    }

    /// <inheritdoc />
    public override string RuleId => Id;

    private static IEnumerable<(KeyCertificate Key, BigInteger Exponent)> RsaExponents(EntityModel model) =>
        model.ParsedCertificates.Select(c => (c, Exponent(c))).Where(x => x.Item2 is not null).Select(x => (x.c, x.Item2!.Value));

    private static BigInteger? Exponent(KeyCertificate key) => key.Facts!.RsaExponent;
}

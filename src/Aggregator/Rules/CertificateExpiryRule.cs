using Fedmd.Aggregator.Model;
using FluentValidation;

namespace Fedmd.Aggregator.Rules;

/// <summary>
/// Certificates that expired are reported as errors, which the profiles weigh as warnings unless configured otherwise
/// (SAML metadata keys are trusted by publication, not by dates, but some participants' software still checks them);
/// those expiring within 30 days draw a warning so that the participant rolls them over in time. "Now" is the pass's
/// moment, read at validation.
/// </summary>
public sealed class CertificateExpiryRule : EntityRule
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Id = "key.expiry";

    /// <summary>Creates the rule with its limits; it serves every pass.</summary>
    public CertificateExpiryRule(RuleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        RuleForEach(m => m.ParsedCertificates)
            .Must((_, c, validation) => NotAfter(c) > PassOf(validation).Now.UtcDateTime)
            .OverridePropertyName(Id)
            .WithMessage((_, c) => $"the {c.Role} certificate {c.Subject} expired on {NotAfter(c):u}; publish a new one");
        RuleForEach(m => m.ParsedCertificates)
            .Must((_, c, validation) => NotAfter(c) <= PassOf(validation).Now.UtcDateTime || NotAfter(c) > (PassOf(validation).Now + options.ExpiryWarning).UtcDateTime)
            .OverridePropertyName(Id)
            .WithSeverity(Severity.Warning)
            .WithMessage((_, c) => $"the {c.Role} certificate {c.Subject} expires on {NotAfter(c):u}, within {options.ExpiryWarning.TotalDays:0} days; plan the key rollover");
    }

    /// <inheritdoc />
    public override string RuleId => Id;

    private static DateTime NotAfter(KeyCertificate certificate) => certificate.Facts!.NotAfter;
}

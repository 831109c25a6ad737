using Fedmd.Aggregator.Model;
using FluentValidation;

namespace Fedmd.Aggregator.Rules;

/// <summary>
/// Certificates that expired draw a warning (an error when so configured: SAML metadata keys are trusted by
/// publication, not by dates, but some participants' software still checks them); those expiring within 30 days draw a
/// warning so that the participant rolls them over in time.
/// </summary>
public sealed class CertificateExpiryRule : EntityRule
{
    /// <summary>Rule id.</summary>
    public const string Id = "key.expiry";

    /// <summary>Creates the rule for the given moment.</summary>
    public CertificateExpiryRule(RuleOptions options, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(options);
        RuleForEach(m => m.ParsedCertificates)
            .Must(c => c.Certificate!.NotAfter.ToUniversalTime() > now.UtcDateTime)
            .OverridePropertyName(Id)
            .WithSeverity(RuleSeverity.Of(options.ExpiredCertificateIsError))
            .WithMessage((_, c) => $"the {c.Role} certificate {c.Subject} expired on {c.Certificate!.NotAfter.ToUniversalTime():u}; publish a new one");
        RuleForEach(m => m.ParsedCertificates.Where(c => c.Certificate!.NotAfter.ToUniversalTime() > now.UtcDateTime))
            .Must(c => c.Certificate!.NotAfter.ToUniversalTime() > (now + options.ExpiryWarning).UtcDateTime)
            .OverridePropertyName(Id)
            .WithSeverity(Severity.Warning)
            .WithMessage((_, c) => $"the {c.Role} certificate {c.Subject} expires on {c.Certificate!.NotAfter.ToUniversalTime():u}, within {options.ExpiryWarning.TotalDays:0} days; plan the key rollover");
    }

    /// <inheritdoc />
    public override string RuleId => Id;
}

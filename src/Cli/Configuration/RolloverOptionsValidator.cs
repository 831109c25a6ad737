using FluentValidation;

namespace Fedmd.Cli.Configuration;

/// <summary>Checks <c>Rollover</c>: durations, the key size, the operated entities, and dual control outside development.</summary>
internal sealed class RolloverOptionsValidator : AbstractValidator<FedmdOptions>
{
    private const string DurationMessage = "must be an ISO 8601 duration such as PT48H or P3650D";

    /// <summary>Creates the validator.</summary>
    public RolloverOptionsValidator()
    {
        RuleFor(o => o.Rollover.DualControl).Equal(true).When(o => !o.IsDevelopment)
            .OverridePropertyName("Rollover.DualControl")
            .WithMessage(o => $"may be false only in the development profile, not '{o.Profile}': key operations need two operators' approvals");
        RuleFor(o => o.Rollover.ApprovalLifetime).Must(ConfigurationRules.IsDuration).OverridePropertyName("Rollover.ApprovalLifetime").WithMessage(DurationMessage);
        RuleFor(o => o.Rollover.MinimumOverlap).Must(ConfigurationRules.IsDuration).OverridePropertyName("Rollover.MinimumOverlap").WithMessage(DurationMessage);
        RuleFor(o => o.Rollover.RetireAfter).Must(ConfigurationRules.IsDuration).OverridePropertyName("Rollover.RetireAfter").WithMessage(DurationMessage);
        RuleFor(o => o.Rollover.CertificateLifetime).Must(ConfigurationRules.IsDuration).OverridePropertyName("Rollover.CertificateLifetime").WithMessage(DurationMessage);
        RuleFor(o => o.Rollover.CertificateWarnBefore).Must(ConfigurationRules.IsDuration).OverridePropertyName("Rollover.CertificateWarnBefore").WithMessage(DurationMessage);
        RuleFor(o => o.Rollover.KeyBits).InclusiveBetween(2048, 8192).OverridePropertyName("Rollover.KeyBits").WithMessage("must be between 2048 and 8192 (RSA bits; 3072 recommended)");
        RuleForEach(o => o.Rollover.OperatedEntities).Must(ConfigurationRules.IsEntityId).OverridePropertyName("Rollover.OperatedEntities")
            .WithMessage((_, id) => $"'{id}' is not an entityID");
    }
}

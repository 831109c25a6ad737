using FluentValidation;

namespace Fedmd.Cli.Configuration;

/// <summary>
/// Checks the configuration at start so that a bad value stops the program with one line naming the key, before any
/// token or file is touched. Each section has its own validator; failures are named <c>Section:Key</c>.
/// </summary>
internal sealed class FedmdOptionsValidator : AbstractValidator<FedmdOptions>
{
    /// <summary>Creates the validator.</summary>
    public FedmdOptionsValidator()
    {
        RuleFor(o => o.Profile).Must(p => p is FedmdOptions.DevelopmentProfile or "production")
            .WithMessage("must be 'development' or 'production'");
        RuleFor(o => o.Federation).SetValidator(new FederationOptionsValidator());
        RuleFor(o => o.Registry).SetValidator(new RegistryOptionsValidator());
        RuleFor(o => o.Aggregate).SetValidator(new AggregateOptionsValidator());
        Include(new FeedListValidator());
        Include(new SourceListValidator());
        RuleFor(o => o.Validation).SetValidator(new ValidationOptionsValidator());
        RuleFor(o => o.GuardRails).SetValidator(new GuardRailOptionsValidator());
        RuleFor(o => o.Signing).SetValidator(new SigningOptionsValidator());
        RuleFor(o => o.Publish).SetValidator(new PublishOptionsValidator());
        RuleFor(o => o.Schedule).SetValidator(new ScheduleOptionsValidator());
        RuleFor(o => o.Monitoring).SetValidator(new MonitoringOptionsValidator());
        Include(new MonitoringMirrorsValidator());
        Include(new RolloverOptionsValidator());
        RuleFor(o => o.Cluster).SetValidator(new ClusterOptionsValidator());
        RuleFor(o => o.Logging.RetainedFileCountLimit).GreaterThan(0)
            .OverridePropertyName("Logging.RetainedFileCountLimit").WithMessage("must be at least 1");
    }

    /// <summary>The configuration key of a failure, as written in the JSON file and in <c>FEDMD__</c> variables.</summary>
    public static string KeyOf(FluentValidation.Results.ValidationFailure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure.PropertyName.Replace('.', ':');
    }
}

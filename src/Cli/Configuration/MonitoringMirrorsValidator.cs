using FluentValidation;

namespace Fedmd.Cli.Configuration;

/// <summary>Checks that every <c>Monitoring:MirrorUrls</c> entry names a configured mirror, so a typo is not a silently unmonitored mirror.</summary>
internal sealed class MonitoringMirrorsValidator : AbstractValidator<FedmdOptions>
{
    /// <summary>Creates the validator.</summary>
    public MonitoringMirrorsValidator()
    {
        RuleForEach(o => o.Monitoring.MirrorUrls.Keys)
            .Must((o, name) => o.Publish.Mirrors.Exists(m => string.Equals(m.Name, name, StringComparison.Ordinal)))
            .OverridePropertyName("Monitoring.MirrorUrls")
            .WithMessage((o, name) => $"'{name}' is not the Name of any Publish:Mirrors entry ({string.Join(", ", o.Publish.Mirrors.Select(m => m.Name).DefaultIfEmpty("none configured"))})");
    }
}

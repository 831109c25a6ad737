using FluentValidation;

namespace Fedmd.Cli.Configuration;

/// <summary>Checks <c>Publish:Rollover</c>: the next certificate and the switch date come together.</summary>
internal sealed class PublishRolloverOptionsValidator : AbstractValidator<PublishRolloverOptions>
{
    /// <summary>Creates the validator.</summary>
    public PublishRolloverOptionsValidator()
    {
        RuleFor(o => o.SwitchAt).NotNull().When(o => !string.IsNullOrEmpty(o.NextCertificateFile))
            .WithMessage("must be set when Rollover:NextCertificateFile is: participants need the switch date");
        RuleFor(o => o.NextCertificateFile).NotEmpty().When(o => o.SwitchAt is not null)
            .WithMessage("must be set when Rollover:SwitchAt is: participants need the next certificate");
    }
}

using FluentValidation;

namespace Fedmd.Cli.Configuration;

/// <summary>Checks one entry of <c>Publish:Mirrors</c>.</summary>
internal sealed class PublishMirrorOptionsValidator : AbstractValidator<PublishMirrorOptions>
{
    /// <summary>Creates the validator.</summary>
    public PublishMirrorOptionsValidator()
    {
        RuleFor(o => o.Name).NotEmpty().WithMessage("must be set (a short name for logs and the run report)");
        RuleFor(o => o.Url).Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.AbsolutePath.EndsWith('/'))
            .WithMessage("must be an https URL of a directory, ending in '/'");
        RuleFor(o => o.ClientCertificateFile).NotEmpty().WithMessage("must name the client certificate (PEM)");
        RuleFor(o => o.ClientKeyFile).NotEmpty().WithMessage("must name the client key (PEM, mode 600)");
        RuleFor(o => o.ServerCaFile).NotEmpty().WithMessage("must name the CA (PEM) that issued the mirror's server certificate");
        RuleFor(o => o.ServerCrlFile).NotEmpty().WithMessage("must name the server CA's CRL (PEM or DER), kept current before its nextUpdate");
        RuleFor(o => o.TimeoutSeconds).InclusiveBetween(1, 3600).WithMessage("must be between 1 and 3600");
    }
}

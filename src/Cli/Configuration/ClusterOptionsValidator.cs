using Fedmd.Cluster.Database;
using FluentValidation;

namespace Fedmd.Cli.Configuration;

/// <summary>Checks the <c>Cluster</c> section; without a connection string the other keys are not allowed either.</summary>
internal sealed class ClusterOptionsValidator : AbstractValidator<ClusterOptions>
{
    /// <summary>Creates the validator.</summary>
    public ClusterOptionsValidator()
    {
        RuleFor(o => o.ConnectionString).Must(c => ConnectionStringRules.Problem(c) is null)
            .When(o => o.IsConfigured)
            .WithMessage(o => ConnectionStringRules.Problem(o.ConnectionString));
        RuleFor(o => o.ConnectionString).NotEmpty()
            .When(o => !string.IsNullOrEmpty(o.PasswordFile) || !string.IsNullOrEmpty(o.NodeName))
            .WithMessage("must be set when Cluster:PasswordFile or Cluster:NodeName is, e.g. 'Host=127.0.0.1;Database=fedmd;Username=fedmd'");
        RuleFor(o => o.NodeName).Matches("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$").When(o => !string.IsNullOrEmpty(o.NodeName))
            .WithMessage("must be 1 to 63 letters, digits, '.', '_' or '-', e.g. signer-1");
    }
}

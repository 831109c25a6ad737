using FluentValidation;

namespace Fedmd.Cli.Configuration;

/// <summary>
/// Checks the <c>Feeds</c> list as a whole: each feed valid, file names unique, and the first (default) feed published
/// under <c>Aggregate:FileName</c>, the name participants already fetch.
/// </summary>
internal sealed class FeedListValidator : AbstractValidator<FedmdOptions>
{
    /// <summary>Creates the validator.</summary>
    public FeedListValidator()
    {
        RuleForEach(o => o.Feeds).SetValidator(new FeedOptionsValidator());
        RuleFor(o => o.Feeds).Must(f => f.Select(x => x.FileName).Distinct(StringComparer.Ordinal).Count() == f.Count)
            .WithMessage("each feed needs its own FileName");
        RuleFor(o => o).Must(o => o.Feeds.Count == 0 || o.Feeds[0].FileName == o.Aggregate.FileName)
            .OverridePropertyName("Feeds[0].FileName").WithMessage(o => $"the first (default) feed must use Aggregate:FileName '{o.Aggregate.FileName}'");
    }
}

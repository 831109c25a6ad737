using FluentValidation;

namespace Fedmd.Cli.Configuration;

/// <summary>Checks the <c>Sources</c> list as a whole: each source valid, names unique, and every feed's sources defined.</summary>
internal sealed class SourceListValidator : AbstractValidator<FedmdOptions>
{
    /// <summary>Creates the validator.</summary>
    public SourceListValidator()
    {
        RuleForEach(o => o.Sources).SetValidator(new SourceOptionsValidator());
        RuleFor(o => o.Sources).Must(s => s.Select(x => x.Name).Distinct(StringComparer.Ordinal).Count() == s.Count)
            .WithMessage("each source needs its own Name");
        RuleFor(o => o).Custom((options, context) =>
        {
            var names = options.Sources.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
            for (var feed = 0; feed < options.Feeds.Count; feed++)
            {
                var referenced = options.Feeds[feed].Sources ?? [];
                for (var index = 0; index < referenced.Count; index++)
                {
                    if (!names.Contains(referenced[index]))
                    {
                        context.AddFailure($"Feeds[{feed}].Sources[{index}]", $"names source '{referenced[index]}', which is not in Sources");
                    }
                }
            }
        });
    }
}

using Fedmd.Aggregator.Model;
using FluentValidation;

namespace Fedmd.Aggregator.Rules;

/// <summary>Same-named sibling elements do not repeat an <c>xml:lang</c>: consumers would pick one of them at random.</summary>
internal sealed class DuplicateLanguageRule : EntityRule
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Id = "text.lang-duplicate";

    /// <summary>Creates the rule.</summary>
    public DuplicateLanguageRule()
    {
        RuleForEach(m => Repeated(m))
            .Must(_ => false)
            .OverridePropertyName(Id)
            .WithMessage((_, k) => $"{k.Path} appears more than once with xml:lang=\"{k.Lang}\" in the same element; keep one per language");
    }

    /// <inheritdoc />
    public override string RuleId => Id;

    private static IEnumerable<(string Path, string Lang)> Repeated(EntityModel model) => model.Texts
        .Where(t => !string.IsNullOrEmpty(t.Lang))
        .GroupBy(t => (t.SiblingGroup, t.Path, Lang: t.Lang!.ToLowerInvariant()))
        .Where(g => g.Count() > 1)
        .Select(g => (g.Key.Path, g.Key.Lang));
}

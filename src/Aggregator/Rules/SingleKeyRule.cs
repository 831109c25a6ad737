using Fedmd.Aggregator.Model;
using FluentValidation;

namespace Fedmd.Aggregator.Rules;

/// <summary>Each KeyDescriptor holds exactly one key: consumers take one key per descriptor, and which one is ambiguous.</summary>
internal sealed class SingleKeyRule : EntityRule
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Id = "key.single";

    /// <summary>Creates the rule.</summary>
    public SingleKeyRule()
    {
        RuleForEach(m => Keys(m))
            .Must(x => x.Key.KeyCount == 1)
            .OverridePropertyName(Id)
            .WithMessage((_, x) => $"a {x.Role} KeyDescriptor{(x.Key.Use.Length > 0 ? $" (use={x.Key.Use})" : string.Empty)} holds {x.Key.KeyCount} keys; put exactly one certificate in each KeyDescriptor");
    }

    /// <inheritdoc />
    public override string RuleId => Id;

    private static IEnumerable<(string Role, KeyDescriptorModel Key)> Keys(EntityModel model) =>
        model.Roles.SelectMany(r => r.Keys.Select(k => (r.Kind, k)));
}

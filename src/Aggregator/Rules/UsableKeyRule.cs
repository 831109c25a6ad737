using Fedmd.Aggregator.Model;
using FluentValidation;

namespace Fedmd.Aggregator.Rules;

/// <summary>
/// Every KeyDescriptor holds a key (an X509Certificate, KeyValue or DEREncodedKeyValue): one with only a KeyName,
/// from the PKIX era, names a key no consumer can find.
/// </summary>
internal sealed class UsableKeyRule : EntityRule
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Id = "key.usable";

    /// <summary>Creates the rule.</summary>
    public UsableKeyRule()
    {
        RuleForEach(m => Keys(m))
            .Must(x => x.Key.KeyCount > 0)
            .OverridePropertyName(Id)
            .WithMessage((_, x) => $"a {x.Role} KeyDescriptor{(x.Key.Use.Length > 0 ? $" (use={x.Key.Use})" : string.Empty)} holds no key; it needs an X509Certificate");
    }

    /// <inheritdoc />
    public override string RuleId => Id;

    private static IEnumerable<(string Role, KeyDescriptorModel Key)> Keys(EntityModel model) =>
        model.Roles.SelectMany(r => r.Keys.Select(k => (r.Kind, k)));
}

using FluentValidation;

namespace Fedmd.Aggregator.Rules;

/// <summary>Names people read (organization, display, service and person names) have no leading or trailing white space.</summary>
internal sealed class NameWhitespaceRule : EntityRule
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Id = "text.name-whitespace";

    /// <summary>The local names of the elements whose text people read as a name.</summary>
    public static IReadOnlySet<string> NameElements { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "OrganizationName", "OrganizationDisplayName", "DisplayName", "ServiceName", "GivenName", "SurName", "Company",
    };

    /// <summary>Creates the rule.</summary>
    public NameWhitespaceRule()
    {
        RuleForEach(m => m.Texts.Where(t => NameElements.Contains(t.Element)))
            .Must(t => t.Value.Trim() == t.Value)
            .OverridePropertyName(Id)
            .WithSeverity(Severity.Warning)
            .WithMessage((_, t) => $"{t.Path} '{t.Value.Trim()}' has leading or trailing white space; remove it");
    }

    /// <inheritdoc />
    public override string RuleId => Id;
}

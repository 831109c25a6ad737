using FluentValidation;

namespace Fedmd.Aggregator.Rules;

/// <summary>
/// A regular-expression scope is anchored and ends in a literal domain (the safety part of
/// <see cref="ScopeSyntaxRule"/>, without its style): <c>.*</c> or an unanchored pattern lets the IdP assert scoped
/// attributes of any domain.
/// </summary>
internal sealed class ScopeRegexpRule : EntityRule
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Id = "idp.scope-regexp";

    /// <summary>Creates the rule.</summary>
    public ScopeRegexpRule()
    {
        RuleForEach(m => m.IdentityProviders.SelectMany(r => r.Scopes).Where(s => s.IsRegexp))
            .Must(s => ScopeRegexps.Problem(s.Value.Trim()) is null)
            .OverridePropertyName(Id)
            .WithMessage((_, s) => $"shibmd:Scope '{s.Value.Trim()}' {ScopeRegexps.Problem(s.Value.Trim())}");
    }

    /// <inheritdoc />
    public override string RuleId => Id;
}

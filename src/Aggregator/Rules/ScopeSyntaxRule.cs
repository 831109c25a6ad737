using Fedmd.Aggregator.Model;
using FluentValidation;

namespace Fedmd.Aggregator.Rules;

/// <summary>
/// A scope is lowercase and says explicitly whether it is a regular expression; a regular expression is anchored
/// (<c>^…$</c>) and ends in a literal domain (<c>\.example\.ac\.za$</c>), so that it cannot match someone else's domain.
/// </summary>
internal sealed class ScopeSyntaxRule : EntityRule
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Id = "idp.scope-syntax";

    /// <summary>Creates the rule.</summary>
    public ScopeSyntaxRule()
    {
        RuleForEach(m => m.IdentityProviders.SelectMany(r => r.Scopes))
            .Must(s => Problem(s) is null)
            .OverridePropertyName(Id)
            .WithMessage((_, s) => $"shibmd:Scope '{s.Value}' {Problem(s)}");
    }

    /// <inheritdoc />
    public override string RuleId => Id;

    private static string? Problem(ScopeModel scope) => scope switch
    {
        { Regexp: null } => "has no regexp attribute; write regexp=\"false\" (or \"true\" for an anchored regular expression)",
        { Regexp: not ("true" or "false" or "1" or "0") } => $"has regexp=\"{scope.Regexp}\"; write \"true\" or \"false\"",
        _ when scope.Value.Length == 0 || scope.Value.Trim() != scope.Value => "is empty or has white space around it",
        _ when !string.Equals(scope.Value, scope.Value.ToLowerInvariant(), StringComparison.Ordinal) => "is not lowercase; scopes are compared case-sensitively by many SPs",
        { IsRegexp: true } => ScopeRegexps.Problem(scope.Value),
        _ => null,
    };
}

using FluentValidation;

namespace Fedmd.Aggregator.Rules;

/// <summary>An <c>mdui:Logo</c> is an https URL or a <c>data:</c> URI: an http logo breaks https discovery pages.</summary>
internal sealed class LogoUrlRule : EntityRule
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Id = "mdui.logo";

    /// <summary>Creates the rule.</summary>
    public LogoUrlRule()
    {
        RuleForEach(m => m.Roles.SelectMany(r => r.Logos))
            .Must(IsAllowed)
            .OverridePropertyName(Id)
            .WithMessage((_, logo) => $"mdui:Logo '{Shorten(logo)}' must be an https URL or a data: URI");
    }

    /// <inheritdoc />
    public override string RuleId => Id;

    private static bool IsAllowed(string logo) =>
        logo.StartsWith("data:", StringComparison.Ordinal) ||
        (Uri.TryCreate(logo, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0);

    private static string Shorten(string text) => text.Length > 80 ? text[..80] + "…" : text;
}

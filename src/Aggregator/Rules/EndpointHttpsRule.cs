using Fedmd.Aggregator.Model;
using FluentValidation;

namespace Fedmd.Aggregator.Rules;

/// <summary>Every endpoint <c>Location</c> and <c>ResponseLocation</c> is an https URL with a host.</summary>
internal sealed class EndpointHttpsRule : EntityRule
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Id = "endpoint.https";

    /// <summary>Creates the rule.</summary>
    public EndpointHttpsRule()
    {
        RuleForEach(m => Endpoints(m))
            .Must(x => IsHttpsWithHost(x.Endpoint.Url))
            .OverridePropertyName(Id)
            .WithMessage((_, x) => $"{x.Role}/{x.Endpoint.Element} {x.Endpoint.Attribute} must be an https URL with a host: '{x.Endpoint.Url}'");
    }

    /// <inheritdoc />
    public override string RuleId => Id;

    private static IEnumerable<(string Role, EndpointModel Endpoint)> Endpoints(EntityModel model) =>
        model.Roles.SelectMany(r => r.Endpoints.Select(e => (r.Kind, e)));

    private static bool IsHttpsWithHost(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0 && url.Trim() == url;
}

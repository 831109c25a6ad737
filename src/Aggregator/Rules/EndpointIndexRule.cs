using Fedmd.Aggregator.Model;
using FluentValidation;

namespace Fedmd.Aggregator.Rules;

/// <summary>
/// Within a role, indexed endpoints of one kind (AssertionConsumerService, ArtifactResolutionService,
/// DiscoveryResponse, …) do not share an <c>index</c>: a request naming that index would reach either endpoint.
/// </summary>
internal sealed class EndpointIndexRule : EntityRule
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Id = "endpoint.index-unique";

    /// <summary>Creates the rule.</summary>
    public EndpointIndexRule()
    {
        RuleForEach(m => Repeated(m))
            .Must(_ => false)
            .OverridePropertyName(Id)
            .WithMessage((_, x) => $"{x.Role}/{x.Element} index=\"{x.Index}\" appears more than once; give each endpoint its own index");
    }

    /// <inheritdoc />
    public override string RuleId => Id;

    // One model per Location: an endpoint's ResponseLocation is the same endpoint, not a second one.
    private static IEnumerable<(string Role, string Element, string Index)> Repeated(EntityModel model) =>
        model.Roles.SelectMany(r => r.Endpoints
            .Where(e => e.Index is not null && e.Attribute == "Location")
            .GroupBy(e => (e.Element, Index: e.Index!.Trim()))
            .Where(g => g.Count() > 1)
            .Select(g => (r.Kind, g.Key.Element, g.Key.Index)));
}

using System.Xml;
using Fedmd.Aggregator.Identifiers;
using Fedmd.Aggregator.Pipeline;

namespace Fedmd.Aggregator.Stages;

/// <summary>
/// The host of a URL entityID is written in lower case: hosts are case-insensitive, entityIDs are compared exactly,
/// so <c>https://IdP.example.ac.za</c> names the same server as, but a different entity from, the lower-case one.
/// </summary>
/// <param name="severity">An error for the registry, a warning for imported entities.</param>
internal sealed class EntityIdHostCaseCheck(Severity severity) : IEntityStage
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Rule = "entityid.host-case";

    /// <inheritdoc />
    public void Apply(EntityItem item, XmlDocument entity, PassContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(entity);
        var host = EntityIdHost.Of(entity.DocumentElement!.GetAttribute("entityID"));
        if (host is not null && host.Any(char.IsUpper))
        {
            item.Add(new ItemMessage(Rule, severity,
                $"the entityID's host {host} has upper-case letters; write it as {host.ToLowerInvariant()}, since entityIDs are compared exactly"));
        }
    }
}

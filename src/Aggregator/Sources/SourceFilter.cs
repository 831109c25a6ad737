using System.Xml;
using Fedmd.Aggregator.Model;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Rules;
using Fedmd.Metadata.Values;
using Fedmd.Metadata.Xml;

namespace Fedmd.Aggregator.Sources;

/// <summary>
/// Which entities of a remote source are imported. Every criterion that is set must hold; within the role and
/// category lists any value matches. Exclusions (block list, own registration authority) win over inclusions.
/// </summary>
/// <param name="Roles">Role descriptor local names, e.g. <c>IDPSSODescriptor</c>; empty for any.</param>
/// <param name="EntityCategories">Entity category values (<c>http://macedir.org/entity-category</c>); empty for any.</param>
/// <param name="BlockedEntityIds">entityIDs never imported.</param>
/// <param name="OwnRegistrationAuthority">
/// The federation's own registrationAuthority: entities registered by it come back through an interfederation feed
/// and are already published from the registry. Null to keep them.
/// </param>
/// <param name="SirtfiOnly">Import only entities that claim Sirtfi.</param>
public sealed record SourceFilter(
    IReadOnlySet<string> Roles,
    IReadOnlySet<string> EntityCategories,
    IReadOnlySet<EntityId> BlockedEntityIds,
    string? OwnRegistrationAuthority,
    bool SirtfiOnly)
{
    /// <summary>The entity category attribute name.</summary>
    public const string EntityCategory = "http://macedir.org/entity-category";

    /// <summary>Reason: the entityID is on the block list.</summary>
    public const string BlockedReason = "blocked";

    /// <summary>Reason: the entity is registered by this federation.</summary>
    public const string OwnRegistrationReason = "own-registration";

    /// <summary>Reason: none of the selected roles.</summary>
    public const string RoleReason = "role";

    /// <summary>Reason: none of the selected entity categories.</summary>
    public const string CategoryReason = "entity-category";

    /// <summary>Reason: the entity does not claim Sirtfi.</summary>
    public const string SirtfiReason = "not-sirtfi";

    /// <summary>Reason: the entity claims Sirtfi without the security contact Sirtfi requires (the import profile only warns).</summary>
    public const string SirtfiContactReason = "sirtfi-without-security-contact";

    /// <summary>The filter that imports every entity.</summary>
    public static SourceFilter All { get; } = new(new HashSet<string>(), new HashSet<string>(), new HashSet<EntityId>(), null, false);

    /// <summary>Why the entity is left out, or null when it is imported.</summary>
    public string? Exclusion(XmlDocument entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var summary = EntitySummary.FromDocument(entity);
        if (EntityId.TryCreate(summary.EntityId, out var id, out _) && BlockedEntityIds.Contains(id!))
        {
            return BlockedReason;
        }

        if (OwnRegistrationAuthority is not null && RegistrationAuthorityOf(entity) == OwnRegistrationAuthority)
        {
            return OwnRegistrationReason;
        }

        if (Roles.Count > 0 && !Roles.Overlaps(summary.Roles))
        {
            return RoleReason;
        }

        if (EntityCategories.Count > 0 && !(summary.EntityAttributes.TryGetValue(EntityCategory, out var categories) && EntityCategories.Overlaps(categories)))
        {
            return CategoryReason;
        }

        var claimsSirtfi = summary.EntityAttributes.TryGetValue(SirtfiSecurityContactRule.AssuranceCertification, out var certifications)
            && SirtfiSecurityContactRule.SirtfiValues.Any(certifications.Contains);
        if (!SirtfiOnly)
        {
            return null;
        }

        return !claimsSirtfi ? SirtfiReason
            : !SirtfiSecurityContactRule.HasSecurityContact(EntityModelReader.Read(entity).Contacts) ? SirtfiContactReason
            : null;
    }

    private static string? RegistrationAuthorityOf(XmlDocument entity)
    {
        var extensions = entity.DocumentElement!.ChildNodes.OfType<XmlElement>()
            .FirstOrDefault(e => e.NamespaceURI == SamlNamespaces.Metadata && e.LocalName == "Extensions");
        return extensions?.ChildNodes.OfType<XmlElement>()
            .FirstOrDefault(e => e.NamespaceURI == SamlNamespaces.Rpi && e.LocalName == "RegistrationInfo")
            ?.GetAttribute("registrationAuthority");
    }
}

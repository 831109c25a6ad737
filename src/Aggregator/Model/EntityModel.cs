namespace Fedmd.Aggregator.Model;

/// <summary>
/// What the validation rules need to know about one entity, read once from its DOM so that each rule is a small
/// FluentValidation validator over plain values instead of a DOM walk of its own.
/// </summary>
/// <param name="EntityId">The entityID attribute as written.</param>
/// <param name="Roles">The role descriptors in document order.</param>
/// <param name="EntityAttributes">Entity attribute values by attribute name (entity categories, Sirtfi and the like).</param>
/// <param name="Contacts">The entity's ContactPerson elements.</param>
/// <param name="Texts">Every element's text that people read or that carries <c>xml:lang</c>.</param>
public sealed record EntityModel(
    string EntityId,
    IReadOnlyList<RoleModel> Roles,
    IReadOnlyDictionary<string, IReadOnlySet<string>> EntityAttributes,
    IReadOnlyList<ContactModel> Contacts,
    IReadOnlyList<TextModel> Texts)
{
    /// <summary>The <c>registrationAuthority</c> of the entity's <c>mdrpi:RegistrationInfo</c>, or null when it has none.</summary>
    public string? RegistrationAuthority { get; init; }

    /// <summary>The identity provider roles.</summary>
    public IEnumerable<RoleModel> IdentityProviders => Roles.Where(r => r.IsIdentityProvider);

    /// <summary>
    /// Every KeyDescriptor certificate, parsed once here for all the key rules (which would otherwise each decode
    /// and parse every certificate again).
    /// </summary>
    public IReadOnlyList<KeyCertificate> KeyCertificates { get; } = KeyCertificate.ParseAll(Roles);

    /// <summary>The certificates that parsed.</summary>
    public IEnumerable<KeyCertificate> ParsedCertificates => KeyCertificates.Where(c => c.Facts is not null);

    /// <summary>Whether the entity carries <paramref name="value"/> for the entity attribute <paramref name="name"/>.</summary>
    public bool HasEntityAttribute(string name, string value) =>
        EntityAttributes.TryGetValue(name, out var values) && values.Contains(value);
}

using System.Globalization;
using System.Text;
using System.Xml;
using Fedmd.Metadata.Xml;

namespace Fedmd.TestSupport.Http;

/// <summary>
/// Another federation's aggregate, built from the repository's samples for the remote-source tests: entities are
/// renamed into that federation (or kept as they are, to clash with the registry), registered by a chosen authority,
/// and wrapped in an md:EntitiesDescriptor that declares <c>xsi</c> and <c>xs</c> for its entities.
/// </summary>
public sealed class RemoteAggregate
{
    /// <summary>The registrationAuthority of the remote federation.</summary>
    public const string HomeAuthority = "https://home.example.org";

    private readonly List<string> _entities = [];

    /// <summary>
    /// Adds a sample (path under <c>metadata-samples</c>) as an entity of the remote federation: its hosts move from
    /// <c>example.ac.za</c> to <c>example.org</c>; <paramref name="edit"/> then changes the entity's text as embedded.
    /// </summary>
    public RemoteAggregate Foreign(string sample, string? authority = HomeAuthority, Func<string, string>? edit = null) =>
        Add(sample, true, authority, edit);

    /// <summary>Adds a sample with its entityID unchanged, as if the remote federation published a copy of it.</summary>
    public RemoteAggregate Same(string sample, string? authority) => Add(sample, false, authority, null);

    /// <summary>
    /// Types every saml:AttributeValue as <c>xs:string</c>: the <c>xsi</c> and <c>xs</c> prefixes are declared only on
    /// the aggregate's root, so the entity stays valid only if splitting keeps the declarations in scope.
    /// </summary>
    public static string XsiTypedValues(string entity) =>
        entity.Replace("<saml:AttributeValue>", "<saml:AttributeValue xsi:type=\"xs:string\">", StringComparison.Ordinal);

    /// <summary>The entityID that <see cref="Foreign"/> gives a sample.</summary>
    public static string ForeignEntityId(string sample)
    {
        var document = new SafeXmlLoader().LoadFile(RepositoryRoot.Combine("metadata-samples", sample));
        return document.DocumentElement!.GetAttribute("entityID").Replace("example.ac.za", "example.org", StringComparison.Ordinal);
    }

    /// <summary>The unsigned aggregate.</summary>
    public string Build(DateTimeOffset validUntil)
    {
        var until = validUntil.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""<?xml version="1.0" encoding="UTF-8"?><md:EntitiesDescriptor xmlns:md="{SamlNamespaces.Metadata}" xmlns:xsi="{SamlNamespaces.Xsi}" xmlns:xs="http://www.w3.org/2001/XMLSchema" ID="_home" Name="https://home.example.org/metadata" validUntil="{until}">""");
        foreach (var entity in _entities)
        {
            text.Append('\n').Append(entity);
        }

        return text.Append("\n</md:EntitiesDescriptor>").ToString();
    }

    private RemoteAggregate Add(string sample, bool rename, string? authority, Func<string, string>? edit)
    {
        var text = File.ReadAllText(RepositoryRoot.Combine("metadata-samples", sample));
        var document = new SafeXmlLoader().Load(Encoding.UTF8.GetBytes(rename ? text.Replace("example.ac.za", "example.org", StringComparison.Ordinal) : text));
        var root = document.DocumentElement!;
        if (authority is not null)
        {
            var extensions = root.ChildNodes.OfType<XmlElement>().FirstOrDefault(e => e.LocalName == "Extensions");
            if (extensions is null)
            {
                extensions = document.CreateElement("md", "Extensions", SamlNamespaces.Metadata);
                root.PrependChild(extensions);
            }

            var info = document.CreateElement("mdrpi", "RegistrationInfo", SamlNamespaces.Rpi);
            info.SetAttribute("registrationAuthority", authority);
            extensions.PrependChild(info);
        }

        _entities.Add((edit ?? (t => t))(root.OuterXml));
        return this;
    }
}

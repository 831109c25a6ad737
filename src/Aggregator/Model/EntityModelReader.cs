using System.Xml;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Metadata.Xml;

namespace Fedmd.Aggregator.Model;

/// <summary>Reads an <see cref="EntityModel"/> from an entity's DOM.</summary>
internal static class EntityModelReader
{
    private const string Dsig11 = "http://www.w3.org/2009/xmldsig11#";

    private static readonly string[] LocationAttributes = ["Location", "ResponseLocation"];

    private static readonly HashSet<string> KeyElements = new(StringComparer.Ordinal) { "X509Certificate", "KeyValue", "DEREncodedKeyValue" };

    /// <summary>Reads the model of the entity whose root is <paramref name="entity"/>'s document element.</summary>
    public static EntityModel Read(XmlDocument entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var root = entity.DocumentElement!;
        var roles = Children(root, SamlNamespaces.Metadata)
            .Where(e => e.LocalName.EndsWith("Descriptor", StringComparison.Ordinal))
            .Select(ReadRole)
            .ToList();
        var contacts = Children(root, SamlNamespaces.Metadata, "ContactPerson")
            .Select(c => new ContactModel(
                c.GetAttribute("contactType"),
                c.HasAttribute("contactType", SamlNamespaces.Refeds) ? c.GetAttribute("contactType", SamlNamespaces.Refeds) : null,
                Children(c, SamlNamespaces.Metadata, "EmailAddress").Select(m => m.InnerText).ToList()))
            .ToList();
        var texts = new List<TextModel>();
        var group = 0;
        CollectTexts(root, string.Empty, texts, ref group);
        var registration = Children(root, SamlNamespaces.Metadata, "Extensions")
            .SelectMany(x => Children(x, SamlNamespaces.Rpi, "RegistrationInfo"))
            .FirstOrDefault();
        return new EntityModel(root.GetAttribute("entityID"), roles, EntitySummary.FromDocument(entity).EntityAttributes, contacts, texts)
        {
            RegistrationAuthority = registration?.GetAttribute("registrationAuthority"),
        };
    }

    private static RoleModel ReadRole(XmlElement role)
    {
        var extensions = Children(role, SamlNamespaces.Metadata, "Extensions").ToList();
        var endpoints = Children(role, SamlNamespaces.Metadata)
            .Concat(extensions.SelectMany(x => x.ChildNodes.OfType<XmlElement>()))
            .SelectMany(e => LocationAttributes
                .Where(e.HasAttribute)
                .Select(a => new EndpointModel(e.LocalName, a, e.GetAttribute(a), e.HasAttribute("index") ? e.GetAttribute("index") : null)))
            .ToList();
        var keys = Children(role, SamlNamespaces.Metadata, "KeyDescriptor")
            .Select(k =>
            {
                var descendants = k.GetElementsByTagName("*").OfType<XmlElement>().Where(d => d.NamespaceURI is SamlNamespaces.DSig or Dsig11).ToList();
                var certificates = descendants.Where(d => d.LocalName == "X509Certificate")
                    .Select(d => WithoutWhiteSpace(d.InnerText))
                    .ToList();
                return new KeyDescriptorModel(k.GetAttribute("use"), descendants.Count(d => KeyElements.Contains(d.LocalName)), certificates);
            })
            .ToList();
        var scopes = extensions.SelectMany(x => Children(x, SamlNamespaces.Shibboleth, "Scope"))
            .Select(s => new ScopeModel(s.InnerText, s.HasAttribute("regexp") ? s.GetAttribute("regexp") : null))
            .ToList();
        var uiInfo = extensions.SelectMany(x => Children(x, SamlNamespaces.Ui, "UIInfo")).ToList();
        return new RoleModel(
            role.LocalName,
            endpoints,
            keys,
            scopes,
            UiTexts(uiInfo, "DisplayName"),
            UiTexts(uiInfo, "Description"),
            uiInfo.SelectMany(u => Children(u, SamlNamespaces.Ui, "Logo")).Select(l => l.InnerText.Trim()).ToList());
    }

    private static List<TextModel> UiTexts(IEnumerable<XmlElement> uiInfo, string name) =>
        uiInfo.SelectMany(u => Children(u, SamlNamespaces.Ui, name))
            .Select(e => new TextModel(name, Lang(e), e.InnerText, 0))
            .ToList();

    // Every leaf element with text, and every element carrying xml:lang, with its path and a number for its parent.
    private static void CollectTexts(XmlElement element, string path, List<TextModel> texts, ref int group)
    {
        var parentGroup = group++;
        for (var child = FirstElement(element); child is not null; child = NextElement(child))
        {
            var childPath = path.Length == 0 ? child.LocalName : string.Concat(path, "/", child.LocalName);
            var isLeaf = FirstElement(child) is null;
            var text = isLeaf ? child.InnerText : string.Empty;
            var lang = Lang(child);
            if (text.Length > 0 || lang is not null)
            {
                texts.Add(new TextModel(childPath, lang, text, parentGroup));
            }

            if (isLeaf)
            {
                // A leaf is numbered as the parent of nothing, as a walk into it would number it.
                group++;
            }
            else
            {
                CollectTexts(child, childPath, texts, ref group);
            }
        }
    }

    // Base64 as pasted: line breaks and indentation between the characters, which the decoder must not see.
    private static string WithoutWhiteSpace(string text)
    {
        var span = text.AsSpan();
        var first = span.IndexOfAny(" \t\r\n");
        if (first < 0)
        {
            return text;
        }

        var kept = new System.Text.StringBuilder(text.Length).Append(span[..first]);
        foreach (var c in span[first..])
        {
            if (!char.IsWhiteSpace(c))
            {
                kept.Append(c);
            }
        }

        return kept.ToString();
    }

    private static string? Lang(XmlElement element) => element.GetAttributeNode("lang", SamlNamespaces.Xml)?.Value;

    // Sibling walks, not ChildNodes enumerations: the model is read for every entity of eduGAIN-sized registries.
    private static IEnumerable<XmlElement> Children(XmlElement parent, string ns, string? localName = null)
    {
        for (var child = FirstElement(parent); child is not null; child = NextElement(child))
        {
            if (child.NamespaceURI == ns && (localName is null || child.LocalName == localName))
            {
                yield return child;
            }
        }
    }

    private static XmlElement? FirstElement(XmlNode parent)
    {
        var node = parent.FirstChild;
        while (node is not null and not XmlElement)
        {
            node = node.NextSibling;
        }

        return (XmlElement?)node;
    }

    private static XmlElement? NextElement(XmlNode node)
    {
        var next = node.NextSibling;
        while (next is not null and not XmlElement)
        {
            next = next.NextSibling;
        }

        return (XmlElement?)next;
    }
}

using System.Text;
using System.Xml;
using Fedmd.Metadata.Files;
using Fedmd.Metadata.Xml;

namespace Fedmd.KeyLifecycle.Compromise;

/// <summary>
/// <c>contacts-to-notify.csv</c> after a metadata signing key compromise: every registry entity's technical and
/// REFEDS security contacts (<c>entityID,contactType,email</c>), since every participant must learn of the new key.
/// Written for <c>compromise metadata</c>; the lead folds it with the SAML compromise's writer of the same file.
/// </summary>
public static class MetadataCompromiseContacts
{
    /// <summary>The file's name.</summary>
    public const string FileName = "contacts-to-notify.csv";

    private const string SecurityType = "http://refeds.org/metadata/contactType/security";
    private const string RefedsNamespace = "http://refeds.org/metadata";

    /// <summary>Reads every entity file (<c>*.xml</c>) of <paramref name="registryDirectory"/> and writes the CSV to <paramref name="path"/>; returns the rows written.</summary>
    public static int Write(string registryDirectory, string path, long maxEntityBytes)
    {
        var rows = new SortedSet<(string EntityId, string Type, string Email)>();
        foreach (var file in Directory.EnumerateFiles(registryDirectory, "*.xml", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
        {
            rows.UnionWith(ContactsOf(file, maxEntityBytes));
        }

        var csv = new StringBuilder("entityID,contactType,email\n");
        foreach (var (entityId, type, email) in rows)
        {
            csv.Append(Cell(entityId)).Append(',').Append(type).Append(',').Append(Cell(email)).Append('\n');
        }

        AtomicFileWriter.Write(path, Encoding.UTF8.GetBytes(csv.ToString()));
        return rows.Count;
    }

    private static List<(string, string, string)> ContactsOf(string file, long maxEntityBytes)
    {
        var found = new List<(string, string, string)>();
        try
        {
            using var reader = XmlReader.Create(file, new SafeXmlLoader(maxEntityBytes).CreateReaderSettings());
            string? entityId = null;
            string? contactType = null;
            reader.Read();
            while (!reader.EOF)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.NamespaceURI == SamlNamespaces.Metadata)
                {
                    if (reader.LocalName == "EmailAddress" && entityId is not null && contactType is not null)
                    {
                        // Reading the content moves to the node after the element: no further Read.
                        var email = reader.ReadElementContentAsString().Trim();
                        email = email.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? email[7..] : email;
                        if (email.Length > 0)
                        {
                            found.Add((entityId, contactType, email));
                        }

                        continue;
                    }

                    entityId = reader.LocalName == "EntityDescriptor" ? reader.GetAttribute("entityID") : entityId;
                    contactType = reader.LocalName != "ContactPerson" ? contactType : reader.GetAttribute("contactType") switch
                    {
                        "technical" => "technical",
                        "other" when reader.GetAttribute("contactType", RefedsNamespace) == SecurityType => "security",
                        _ => null,
                    };
                }

                reader.Read();
            }
        }

        catch (XmlException)
        {
            // The pass reports a broken entity file; the notice still goes to every entity that can be read.
        }

        return found;
    }

    // Quoted, and a leading formula character neutralised, so a spreadsheet opening the file runs nothing from metadata.
    private static string Cell(string value)
    {
        var text = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}

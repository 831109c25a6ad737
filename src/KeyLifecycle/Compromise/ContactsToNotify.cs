using System.Text;
using System.Xml;
using Fedmd.KeyLifecycle.Registry;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Files;
using Fedmd.Metadata.Xml;

namespace Fedmd.KeyLifecycle.Compromise;

/// <summary>
/// <c>contacts-to-notify.csv</c>: after a compromise the KMPS asks the operator to contact the affected parties. One
/// row per (entityID, contact type, e-mail) from the registry's technical contacts and REFEDS security contacts
/// (<c>md:ContactPerson contactType="other"</c> with <c>remd:contactType="http://refeds.org/metadata/contactType/security"</c>).
/// </summary>
public static class ContactsToNotify
{
    /// <summary>The file name the compromise commands write.</summary>
    public const string FileName = "contacts-to-notify.csv";

    /// <summary>The REFEDS security contact type.</summary>
    public const string SecurityContactType = "http://refeds.org/metadata/contactType/security";

    /// <summary>
    /// Writes the contacts of the entities in <paramref name="registryDirectory"/> (its <c>*.xml</c> files) to
    /// <paramref name="csvPath"/>, atomically; <paramref name="entityIds"/> null means every entity.
    /// </summary>
    /// <returns>How many rows were written (without the header).</returns>
    public static int Write(string registryDirectory, long maxEntityBytes, IReadOnlySet<string>? entityIds, string csvPath)
    {
        var rows = new SortedSet<(string EntityId, string Type, string Email)>();
        foreach (var (_, entity) in RegistryEntities.Read(registryDirectory, maxEntityBytes))
        {
            var entityId = entity.GetAttribute("entityID");
            if (entityIds is not null && !entityIds.Contains(entityId))
            {
                continue;
            }

            foreach (var contact in entity.ChildNodes.OfType<XmlElement>().Where(e => e is { LocalName: "ContactPerson", NamespaceURI: SamlNamespaces.Metadata }))
            {
                var type = TypeOf(contact);
                if (type is null)
                {
                    continue;
                }

                foreach (var email in contact.ChildNodes.OfType<XmlElement>().Where(e => e is { LocalName: "EmailAddress", NamespaceURI: SamlNamespaces.Metadata }))
                {
                    var address = email.InnerText.Trim();
                    address = address.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? address[7..] : address;
                    if (address.Length > 0)
                    {
                        rows.Add((entityId, type, address));
                    }
                }
            }
        }

        var csv = new StringBuilder("entityID,contactType,email\n");
        foreach (var (entityId, type, email) in rows)
        {
            csv.Append(Field(entityId)).Append(',').Append(type).Append(',').Append(Field(email)).Append('\n');
        }

        try
        {
            AtomicFileWriter.Write(csvPath, Encoding.UTF8.GetBytes(csv.ToString()));
        }
        catch (IOException e)
        {
            throw new FedmdException(FailureKind.Infrastructure, $"cannot write {csvPath}: {e.Message}", e);
        }

        return rows.Count;
    }

    private static string? TypeOf(XmlElement contact) => contact.GetAttribute("contactType") switch
    {
        "technical" => "technical",
        "other" when contact.GetAttribute("contactType", SamlNamespaces.Refeds) == SecurityContactType => "security",
        _ => null,
    };

    // Quoted when it must be; a leading formula character is neutralised, since the file is opened in spreadsheets.
    private static string Field(string value)
    {
        var safe = value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}

using System.Xml;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Xml;

namespace Fedmd.TestSupport;

/// <summary>
/// Turns the shared corpus into a registry: every md:EntityDescriptor of every aggregate becomes a file of its own,
/// carrying the namespace declarations it inherited; files that do not parse or hold no entity are copied as they are,
/// so that the pipeline judges them too.
/// </summary>
public static class CorpusSplitter
{
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

    /// <summary>Splits every <c>*.xml</c> under <paramref name="corpus"/> into <paramref name="registry"/>; returns the file count.</summary>
    public static int Split(string corpus, string registry)
    {
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(corpus, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var stem = Path.GetRelativePath(corpus, file).Replace(Path.DirectorySeparatorChar, '~')[..^4];
            XmlDocument document;
            try
            {
                document = new SafeXmlLoader(16L * 1024 * 1024).LoadFile(file);
            }
            catch (UnsafeXmlException)
            {
                File.Copy(file, Path.Combine(registry, stem + ".xml"));
                count++;
                continue;
            }

            var entities = document.DocumentElement!.LocalName == "EntityDescriptor"
                ? [document.DocumentElement]
                : document.GetElementsByTagName("EntityDescriptor", SamlNamespaces.Metadata).OfType<XmlElement>().ToList();
            if (entities.Count == 0)
            {
                File.Copy(file, Path.Combine(registry, stem + ".xml"));
                count++;
                continue;
            }

            for (var i = 0; i < entities.Count; i++)
            {
                File.WriteAllBytes(Path.Combine(registry, $"{stem}~{i:D4}.xml"), XmlDocumentBytes.ToUtf8(Standalone(entities[i])));
                count++;
            }
        }

        return count;
    }

    private static XmlDocument Standalone(XmlElement entity)
    {
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        var root = (XmlElement)document.ImportNode(entity, deep: true);
        document.AppendChild(root);
        for (var ancestor = entity.ParentNode as XmlElement; ancestor is not null; ancestor = ancestor.ParentNode as XmlElement)
        {
            foreach (var declaration in ancestor.Attributes.OfType<XmlAttribute>().Where(a => a.NamespaceURI == XmlnsNamespace))
            {
                if (!root.HasAttribute(declaration.Name))
                {
                    root.SetAttribute(declaration.Name, declaration.Value);
                }
            }
        }

        return document;
    }
}

using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml;
using Fedmd.KeyLifecycle.Registry;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Files;
using Fedmd.Metadata.Values;
using Fedmd.Metadata.Xml;

namespace Fedmd.KeyLifecycle.Saml;

/// <summary>
/// One entity's file in the registry, parsed with the project's safe loader (no DTD, no resolver) and edited as
/// text: a KeyDescriptor is spliced in or cut out where the parser located it, so every other byte of the file stays
/// as the operator wrote it and a git diff shows only the change. Only UTF-8 files are edited.
/// </summary>
public sealed class EntityRegistryFile
{
    private readonly bool _byteOrderMark;
    private readonly long _maxBytes;
    private string _text;
    private XmlDocument _document;

    private EntityRegistryFile(string path, string text, bool byteOrderMark, XmlDocument document, long maxBytes)
    {
        Path = path;
        _text = text;
        _byteOrderMark = byteOrderMark;
        _document = document;
        _maxBytes = maxBytes;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>Finds the file of <paramref name="entityId"/> among the <c>*.xml</c> files directly in <paramref name="registryDirectory"/>.</summary>
    /// <exception cref="FedmdException">No file, or more than one, holds the entity, or it is not UTF-8 (exit 1).</exception>
    public static EntityRegistryFile Find(string registryDirectory, string entityId, long maxBytes)
    {
        var found = RegistryEntities.Read(registryDirectory, maxBytes, entityId)
            .Where(file => file.Entity.GetAttribute("entityID") == entityId)
            .Select(file => (file.Path, Document: file.Entity.OwnerDocument))
            .ToList();

        if (found.Count != 1)
        {
            throw new FedmdException(FailureKind.InvalidDocument, found.Count == 0
                ? $"no file in {registryDirectory} holds entity {entityId}; check --entity against the entityID attribute"
                : $"{found.Count} files in {registryDirectory} hold entity {entityId} ({string.Join(", ", found.Select(f => System.IO.Path.GetFileName(f.Path)))}); keep one");
        }

        var (file, parsed) = found[0];
        var bytes = File.ReadAllBytes(file);
        var bom = bytes is [0xEF, 0xBB, 0xBF, ..];
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, bom ? 3 : 0, bytes.Length - (bom ? 3 : 0));
        }
        catch (DecoderFallbackException e)
        {
            throw new FedmdException(FailureKind.InvalidDocument, $"{file} is not UTF-8; convert it (iconv -t UTF-8) before a key change edits it", e);
        }

        return new EntityRegistryFile(file, text, bom, parsed, maxBytes);
    }

    /// <summary>The SHA-256 fingerprints of the certificates in the signing KeyDescriptors (<c>use="signing"</c> or no use), in document order, distinct.</summary>
    public IReadOnlyList<CertificateFingerprint> SigningCertificates() =>
        KeyDescriptors().Where(IsSigning).SelectMany(Certificates).Select(c => c.Fingerprint).Distinct().ToList();

    /// <summary>The certificate with <paramref name="fingerprint"/> as found in a KeyDescriptor of the file, or null.</summary>
    public X509Certificate2? Certificate(CertificateFingerprint fingerprint) =>
        KeyDescriptors().SelectMany(Certificates).Where(c => c.Fingerprint.Equals(fingerprint))
            .Select(c => X509CertificateLoader.LoadCertificate(c.Der)).FirstOrDefault();

    /// <summary>
    /// Adds a <c>md:KeyDescriptor use="signing"</c> holding <paramref name="certificate"/> right after each signing
    /// KeyDescriptor holding <paramref name="beside"/>, in every role that has one and lacks the new one, indented alike.
    /// </summary>
    /// <returns>How many KeyDescriptors were added (0 when the certificate is there already).</returns>
    public int AddSigningCertificate(X509Certificate2 certificate, CertificateFingerprint beside)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var fingerprint = CertificateFingerprint.Of(certificate, FingerprintAlgorithm.Sha256);
        var descriptors = KeyDescriptors().ToList();
        var spans = Spans();
        var edits = new List<(int Offset, int Length, string Insert)>();
        foreach (var role in descriptors.Where(IsSigning).Where(k => Holds(k, beside)).GroupBy(k => k.ParentNode))
        {
            if (role.Key!.ChildNodes.OfType<XmlElement>().Any(k => IsKeyDescriptor(k) && IsSigning(k) && Holds(k, fingerprint)))
            {
                continue;
            }

            var existing = role.Last();
            var (start, end) = spans[descriptors.IndexOf(existing)];
            var indent = IndentBefore(start);
            edits.Add((end, 0, "\n" + indent + Descriptor(existing.Prefix, certificate, indent)));
        }

        Apply(edits);
        return edits.Count;
    }

    /// <summary>Removes every KeyDescriptor holding <paramref name="fingerprint"/>, with its line's indentation.</summary>
    /// <returns>How many were removed.</returns>
    public int RemoveCertificate(CertificateFingerprint fingerprint)
    {
        var descriptors = KeyDescriptors().ToList();
        var spans = Spans();
        var edits = new List<(int Offset, int Length, string Insert)>();
        for (var i = 0; i < descriptors.Count; i++)
        {
            if (Holds(descriptors[i], fingerprint))
            {
                var (start, end) = spans[i];
                var from = start - IndentBefore(start).Length;
                from = from > 0 && _text[from - 1] == '\n' ? from - 1 : from;
                edits.Add((from, end - from, string.Empty));
            }
        }

        Apply(edits);
        return edits.Count;
    }

    /// <summary>Writes the file back atomically, in UTF-8 as it was read.</summary>
    public void Save()
    {
        var body = new UTF8Encoding(false).GetBytes(_text);
        AtomicFileWriter.Write(Path, _byteOrderMark ? [0xEF, 0xBB, 0xBF, .. body] : body);
    }

    private void Apply(List<(int Offset, int Length, string Insert)> edits)
    {
        if (edits.Count == 0)
        {
            return;
        }

        var text = new StringBuilder(_text);
        foreach (var (offset, length, insert) in edits.OrderByDescending(e => e.Offset))
        {
            text.Remove(offset, length).Insert(offset, insert);
        }

        var edited = text.ToString();
        // The edit must leave a well-formed file the pass can read; parsed again with the same safe loader.
        _document = new SafeXmlLoader(_maxBytes).Load(new UTF8Encoding(false).GetBytes(edited));
        _text = edited;
    }

    // Where each md:KeyDescriptor starts ('<') and ends (after '>'), in document order, as the parser located them.
    private List<(int Start, int End)> Spans()
    {
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < _text.Length; i++)
        {
            if (_text[i] == '\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        int Offset(IXmlLineInfo info) => lineStarts[info.LineNumber - 1] + info.LinePosition - 1;

        var spans = new List<(int Start, int End)>();
        var open = new Stack<int>();
        using var reader = XmlReader.Create(new StringReader(_text), new SafeXmlLoader(_maxBytes).CreateReaderSettings());
        var info = (IXmlLineInfo)reader;
        while (reader.Read())
        {
            if (reader is not { LocalName: "KeyDescriptor", NamespaceURI: SamlNamespaces.Metadata })
            {
                continue;
            }

            // Line positions point at the name, just after '<' or '</'.
            if (reader.NodeType == XmlNodeType.Element)
            {
                var start = Offset(info) - 1;
                if (reader.IsEmptyElement)
                {
                    spans.Add((start, _text.IndexOf("/>", start, StringComparison.Ordinal) + 2));
                }
                else
                {
                    spans.Add((start, -1));
                    open.Push(spans.Count - 1);
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement)
            {
                var index = open.Pop();
                spans[index] = (spans[index].Start, _text.IndexOf('>', Offset(info)) + 1);
            }
        }

        return spans;
    }

    // The spaces and tabs between the line's start and offset; empty when something else precedes it on the line.
    private string IndentBefore(int offset)
    {
        var from = offset;
        while (from > 0 && _text[from - 1] is ' ' or '\t')
        {
            from--;
        }

        return from == 0 || _text[from - 1] == '\n' ? _text[from..offset] : string.Empty;
    }

    private static string Descriptor(string prefix, X509Certificate2 certificate, string indent)
    {
        var md = prefix.Length > 0 ? prefix + ":" : string.Empty;
        var step = indent.Length > 0 && indent[0] == '\t' ? "\t" : "  ";
        var inner = indent + step + step + step;
        var base64 = Convert.ToBase64String(certificate.RawData);
        var lines = new StringBuilder();
        for (var i = 0; i < base64.Length; i += 64)
        {
            lines.Append('\n').Append(inner).Append(step).Append(base64.AsSpan(i, Math.Min(64, base64.Length - i)));
        }

        return $"<{md}KeyDescriptor use=\"signing\">\n" +
            $"{indent}{step}<ds:KeyInfo xmlns:ds=\"{SamlNamespaces.DSig}\">\n" +
            $"{indent}{step}{step}<ds:X509Data>\n" +
            $"{inner}<ds:X509Certificate>{lines}\n{inner}</ds:X509Certificate>\n" +
            $"{indent}{step}{step}</ds:X509Data>\n" +
            $"{indent}{step}</ds:KeyInfo>\n" +
            $"{indent}</{md}KeyDescriptor>";
    }

    private IEnumerable<XmlElement> KeyDescriptors() =>
        _document.GetElementsByTagName("KeyDescriptor", SamlNamespaces.Metadata).OfType<XmlElement>();

    private static bool IsKeyDescriptor(XmlElement e) => e is { LocalName: "KeyDescriptor", NamespaceURI: SamlNamespaces.Metadata };

    private static bool IsSigning(XmlElement descriptor) => descriptor.GetAttribute("use") is "" or "signing";

    private static bool Holds(XmlElement descriptor, CertificateFingerprint fingerprint) =>
        Certificates(descriptor).Any(c => c.Fingerprint.Equals(fingerprint));

    private static IEnumerable<(byte[] Der, CertificateFingerprint Fingerprint)> Certificates(XmlElement descriptor)
    {
        foreach (var element in descriptor.GetElementsByTagName("X509Certificate", SamlNamespaces.DSig).OfType<XmlElement>())
        {
            byte[] der;
            try
            {
                der = Convert.FromBase64String(new string(element.InnerText.Where(c => !char.IsWhiteSpace(c)).ToArray()));
            }
            catch (FormatException)
            {
                continue;
            }

            yield return (der, CertificateFingerprint.OfBytes(der, FingerprintAlgorithm.Sha256));
        }
    }
}

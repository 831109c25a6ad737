using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Files;
using Fedmd.Metadata.Values;
using Fedmd.Metadata.Xml;

namespace Fedmd.KeyLifecycle.Saml;

/// <summary>
/// One entity's file in the registry, parsed with the project's safe loader (no DTD, no resolver) and edited in
/// place: KeyDescriptors are added or removed, and every other byte of markup and whitespace is written back as read.
/// </summary>
public sealed class EntityRegistryFile
{
    private readonly XmlDocument _document;

    private EntityRegistryFile(string path, XmlDocument document)
    {
        Path = path;
        _document = document;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>Finds the file of <paramref name="entityId"/> among the <c>*.xml</c> files directly in <paramref name="registryDirectory"/>.</summary>
    /// <exception cref="FedmdException">No file, or more than one, holds the entity (exit 1).</exception>
    public static EntityRegistryFile Find(string registryDirectory, string entityId, long maxBytes)
    {
        var loader = new SafeXmlLoader(maxBytes);
        var found = new List<EntityRegistryFile>();
        foreach (var path in Directory.EnumerateFiles(registryDirectory, "*.xml").Order(StringComparer.Ordinal))
        {
            if (new FileInfo(path).LinkTarget is not null)
            {
                continue;
            }

            XmlDocument document;
            try
            {
                document = loader.LoadFile(path);
            }
            catch (UnsafeXmlException)
            {
                // The pass reports a broken file with its own rule; it cannot be the entity rolled here.
                continue;
            }

            if (document.DocumentElement is { LocalName: "EntityDescriptor", NamespaceURI: SamlNamespaces.Metadata } root
                && root.GetAttribute("entityID") == entityId)
            {
                found.Add(new EntityRegistryFile(path, document));
            }
        }

        return found.Count switch
        {
            1 => found[0],
            0 => throw new FedmdException(FailureKind.InvalidDocument,
                $"no file in {registryDirectory} holds entity {entityId}; check --entity against the entityID attribute"),
            _ => throw new FedmdException(FailureKind.InvalidDocument,
                $"{found.Count} files in {registryDirectory} hold entity {entityId} ({string.Join(", ", found.Select(f => System.IO.Path.GetFileName(f.Path)))}); keep one"),
        };
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
    /// KeyDescriptor holding <paramref name="beside"/>, in every role that has one.
    /// </summary>
    /// <returns>How many KeyDescriptors were added (0 when the certificate is there already).</returns>
    public int AddSigningCertificate(X509Certificate2 certificate, CertificateFingerprint beside)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var fingerprint = CertificateFingerprint.Of(certificate, FingerprintAlgorithm.Sha256);
        var added = 0;
        foreach (var existing in KeyDescriptors().Where(IsSigning).Where(k => Holds(k, beside)).ToList())
        {
            var role = (XmlElement)existing.ParentNode!;
            if (role.ChildNodes.OfType<XmlElement>().Any(k => IsKeyDescriptor(k) && IsSigning(k) && Holds(k, fingerprint)))
            {
                continue;
            }

            var descriptor = _document.CreateElement(existing.Prefix, "KeyDescriptor", SamlNamespaces.Metadata);
            descriptor.SetAttribute("use", "signing");
            var keyInfo = Child(descriptor, "KeyInfo");
            var data = Child(keyInfo, "X509Data");
            Child(data, "X509Certificate").InnerText = "\n" + Convert.ToBase64String(certificate.RawData, Base64FormattingOptions.InsertLineBreaks).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
            // The same indentation as the KeyDescriptor it joins, so the file still reads as the operator wrote it.
            if (existing.PreviousSibling is XmlWhitespace or XmlSignificantWhitespace)
            {
                role.InsertAfter(_document.CreateWhitespace(existing.PreviousSibling.Value), existing);
                role.InsertAfter(descriptor, existing.NextSibling!);
            }
            else
            {
                role.InsertAfter(descriptor, existing);
            }

            added++;
        }

        return added;
    }

    /// <summary>Removes every KeyDescriptor holding <paramref name="fingerprint"/>, with the whitespace before it.</summary>
    /// <returns>How many were removed.</returns>
    public int RemoveCertificate(CertificateFingerprint fingerprint)
    {
        var removed = 0;
        foreach (var descriptor in KeyDescriptors().Where(k => Holds(k, fingerprint)).ToList())
        {
            var parent = descriptor.ParentNode!;
            if (descriptor.PreviousSibling is XmlWhitespace or XmlSignificantWhitespace)
            {
                parent.RemoveChild(descriptor.PreviousSibling);
            }

            parent.RemoveChild(descriptor);
            removed++;
        }

        return removed;
    }

    /// <summary>Writes the file back atomically, in UTF-8, with its declaration as read.</summary>
    public void Save()
    {
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false, NewLineHandling = NewLineHandling.None };
        using (var writer = XmlWriter.Create(buffer, settings))
        {
            _document.Save(writer);
        }

        var bytes = buffer.ToArray();
        // XmlWriter omits the newline that ends most files; a file that had one keeps it.
        if (File.ReadAllBytes(Path) is [.., (byte)'\n'] && bytes is not [.., (byte)'\n'])
        {
            bytes = [.. bytes, (byte)'\n'];
        }

        AtomicFileWriter.Write(Path, bytes);
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

    private XmlElement Child(XmlElement parent, string localName)
    {
        var prefix = parent.NamespaceURI == SamlNamespaces.DSig ? parent.Prefix : _document.DocumentElement!.GetPrefixOfNamespace(SamlNamespaces.DSig) is { Length: > 0 } p ? p : "ds";
        var child = _document.CreateElement(prefix, localName, SamlNamespaces.DSig);
        parent.AppendChild(child);
        return child;
    }
}

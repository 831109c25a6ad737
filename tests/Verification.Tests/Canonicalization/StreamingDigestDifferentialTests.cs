using System.Security.Cryptography;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Xml;
using Fedmd.TestSupport;
using Fedmd.Verification;
using Fedmd.Verification.Canonicalization;

namespace Fedmd.Tests.Verification.Canonicalization;

/// <summary>
/// The streaming canonicaliser against .NET's DOM implementation (the reference): the canonical bytes and the digest
/// must be equal on real federation metadata and on documents built to hit every rule.
/// </summary>
public sealed class StreamingDigestDifferentialTests
{
    private const string Ds = SignedXml.XmlDsigNamespaceUrl;
    private const long MaxBytes = 64L * 1024 * 1024;

    public static TheoryData<string, string> Tricky => TrickyDocuments.All;

    public static TheoryData<string> CorpusFiles() => SharedCorpus.XmlFiles();

    [Theory]
    [MemberData(nameof(Tricky))]
    public void Canonical_bytes_equal_the_dom_transforms_on_tricky_documents(string name, string xml)
    {
        var bytes = Encoding.UTF8.GetBytes(xml);

        Assert.True(DomCanonical(bytes) == StreamingCanonical(bytes), name);
    }

    [Theory]
    [MemberData(nameof(Tricky))]
    public void Digest_equals_signedxmls_reference_digest_for_every_hash(string name, string xml)
    {
        var bytes = Encoding.UTF8.GetBytes(xml);
        if (TrickyDocuments.DotNetDivergences.Contains(name))
        {
            Assert.NotEqual(SignedXmlReferenceDigest(bytes, SignatureMethod.Default), CanonicalDigest.OfRoot(new MemoryStream(bytes), HashAlgorithmName.SHA256, MaxBytes));
            return;
        }

        foreach (var method in SignatureMethod.All.Where(m => m.KeyFamily == KeyFamily.Rsa))
        {
            var expected = SignedXmlReferenceDigest(bytes, method);

            var actual = CanonicalDigest.OfRoot(new MemoryStream(bytes), method.Hash, MaxBytes);

            Assert.True(expected.SequenceEqual(actual), $"{name}, {method}");
        }
    }

    [SharedCorpusTheory]
    [MemberData(nameof(CorpusFiles))]
    public void Digest_equals_the_dom_digest_on_every_corpus_file(string relative)
    {
        var bytes = File.ReadAllBytes(SharedCorpus.File(relative));
        XmlDocument document;
        try
        {
            document = new SafeXmlLoader(MaxBytes).Load(bytes);
        }
        catch (UnsafeXmlException)
        {
            // A file the safe loader refuses (a DTD, malformed) must be refused by the streaming path too.
            Assert.ThrowsAny<XmlException>(() => CanonicalDigest.OfRoot(new MemoryStream(bytes), HashAlgorithmName.SHA256, MaxBytes));
            return;
        }

        Assert.Equal(DomCanonical(document), StreamingCanonical(bytes));
        Assert.Equal(
            SHA256.HashData(Encoding.UTF8.GetBytes(DomCanonical(document))),
            CanonicalDigest.OfRoot(new MemoryStream(bytes), HashAlgorithmName.SHA256, MaxBytes));
    }

    [Fact]
    public void A_malformed_tail_after_the_root_is_refused()
    {
        var bytes = Encoding.UTF8.GetBytes("<root ID=\"_a\"/><second/>");

        Assert.ThrowsAny<XmlException>(() => CanonicalDigest.OfRoot(new MemoryStream(bytes), HashAlgorithmName.SHA256, MaxBytes));
    }

    [Fact]
    public void A_dtd_is_refused()
    {
        var bytes = Encoding.UTF8.GetBytes("<!DOCTYPE root [<!ENTITY e \"x\">]><root ID=\"_a\">&e;</root>");

        Assert.ThrowsAny<XmlException>(() => CanonicalDigest.OfRoot(new MemoryStream(bytes), HashAlgorithmName.SHA256, MaxBytes));
    }

    private static string StreamingCanonical(byte[] bytes)
    {
        using var output = new MemoryStream();
        using var reader = XmlReader.Create(new MemoryStream(bytes), new SafeXmlLoader(MaxBytes).CreateReaderSettings());
        reader.MoveToContent();
        new ExclusiveCanonicalWriter(output).WriteSubtree(reader, omitEnvelopedSignature: true);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static string DomCanonical(byte[] bytes) => DomCanonical(new SafeXmlLoader(MaxBytes).Load(bytes));

    // What the strict verifier has always reported as signed: the root alone, its first-child signature removed.
    // Redundant xmlns:xml declarations are dropped first: .NET renders them, the specification and xmlsec1 do not
    // (TrickyDocuments.ExplicitXmlNamespace; the signing tests have xmlsec1 judge that document).
    private static string DomCanonical(XmlDocument document)
    {
        var copy = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        var root = (XmlElement)copy.ImportNode(document.DocumentElement!, deep: true);
        copy.AppendChild(root);
        foreach (var element in root.SelectNodes("descendant-or-self::*")!.OfType<XmlElement>())
        {
            element.Attributes.RemoveNamedItem("xmlns:xml");
        }

        if (root.ChildNodes.OfType<XmlElement>().FirstOrDefault() is { LocalName: "Signature", NamespaceURI: Ds } signature)
        {
            root.RemoveChild(signature);
        }

        var transform = new XmlDsigExcC14NTransform(includeComments: false);
        transform.LoadInput(copy);
        using var output = (Stream)transform.GetOutput(typeof(Stream));
        using var buffer = new MemoryStream();
        output.CopyTo(buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    // The digest SignedXml itself puts in a Reference to the root, as the DOM signer computes it.
    private static byte[] SignedXmlReferenceDigest(byte[] bytes, SignatureMethod method)
    {
        var document = new SafeXmlLoader(MaxBytes).Load(bytes);
        if (document.DocumentElement!.ChildNodes.OfType<XmlElement>().FirstOrDefault() is { LocalName: "Signature", NamespaceURI: Ds } existing)
        {
            // SignedXml's enveloped transform removes the signature being made; an existing one stands in for it.
            document.DocumentElement.RemoveChild(existing);
        }

        using var key = RSA.Create(2048);
        var signedXml = new RootOnlySignedXml(document) { SigningKey = key };
        signedXml.SignedInfo!.CanonicalizationMethod = SignedXml.XmlDsigExcC14NTransformUrl;
        signedXml.SignedInfo.SignatureMethod = method.Uri;
        var reference = new Reference("#" + document.DocumentElement.GetAttribute("ID")) { DigestMethod = method.DigestUri };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigExcC14NTransform());
        signedXml.AddReference(reference);
        signedXml.ComputeSignature();
        return reference.DigestValue!;
    }
}

using System.Security.Cryptography.Xml;
using System.Xml;

namespace Fedmd.Signer.Verification;

/// <summary>
/// SignedXml whose ID lookup can only ever return the document root: a nested element carrying the same ID (or an
/// <c>Id</c>/<c>id</c> attribute) is never what the signature is taken to cover. The verifier uses it so that nothing
/// else can be picked; the signer uses it so that its one Reference always covers the root it signs.
/// </summary>
internal sealed class RootOnlySignedXml(XmlDocument document) : SignedXml(document)
{
    private readonly XmlElement _root = document.DocumentElement!;

    public override XmlElement? GetIdElement(XmlDocument? document, string idValue) =>
        string.Equals(_root.GetAttribute("ID"), idValue, StringComparison.Ordinal) ? _root : null;
}

using System.Security.Cryptography.Xml;
using System.Xml;

namespace Fedmd.Verification;

/// <summary>
/// SignedXml whose ID lookup can only ever return the document root: a nested element carrying the same ID (or an
/// <c>Id</c>/<c>id</c> attribute) is never what the signature is taken to cover. The verifier uses it so that nothing
/// else can be picked; the signer uses it so that its one Reference always covers the root it signs. Creating one
/// makes every method of <see cref="SignatureMethod.All"/> known to <c>SignedXml</c>.
/// </summary>
internal sealed class RootOnlySignedXml : SignedXml
{
    private readonly XmlElement _root;

    /// <summary>Works on <paramref name="document"/>, whose root is the only element an ID can name.</summary>
    public RootOnlySignedXml(XmlDocument document)
        : base(document)
    {
        ArgumentNullException.ThrowIfNull(document);
        _root = document.DocumentElement!;
        EcdsaRegistration.EnsureRegistered();
    }

    /// <inheritdoc />
    public override XmlElement? GetIdElement(XmlDocument? document, string idValue) =>
        string.Equals(_root.GetAttribute("ID"), idValue, StringComparison.Ordinal) ? _root : null;
}

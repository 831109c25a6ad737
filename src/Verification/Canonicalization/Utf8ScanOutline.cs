namespace Fedmd.Verification.Canonicalization;

/// <summary>
/// What one <see cref="Utf8CanonicalScanner"/> pass learns besides the canonical bytes: what the signer and the
/// strict verifier decide on, so neither needs a second pass.
/// </summary>
public sealed class Utf8ScanOutline
{
    /// <summary>The root's qualified name as written.</summary>
    public string RootQualifiedName { get; set; } = string.Empty;

    /// <summary>The root's local name.</summary>
    public string RootLocalName { get; set; } = string.Empty;

    /// <summary>The root's namespace URI.</summary>
    public string RootNamespace { get; set; } = string.Empty;

    /// <summary>The root's ID attribute, null when it has none.</summary>
    public string? RootId { get; set; }

    /// <summary>The root's validUntil attribute, null when it has none.</summary>
    public string? ValidUntil { get; set; }

    /// <summary>
    /// How many bytes, from where reading began, lead up to and include the <c>&gt;</c> that closes the root's start
    /// tag: where a signer splices an enveloped signature in as the root's first child.
    /// </summary>
    public long RootStartTagLength { get; set; }

    /// <summary>Whether the root's start tag is an empty-element tag (<c>/&gt;</c>), so the root has no content.</summary>
    public bool RootIsEmpty { get; set; }

    /// <summary>How many ds:Signature elements the document holds outside the enveloped signature and inside none.</summary>
    public int SignatureCount { get; set; }

    /// <summary>Whether the enveloped signature was left out (only when asked to omit it).</summary>
    public bool HasEnvelopedSignature { get; set; }

    /// <summary>How many md:EntityDescriptor elements the document holds, the root included.</summary>
    public int EntityDescriptorCount { get; set; }

    /// <summary>The name of the first element other than the root that carries the root's ID as ID, Id or id.</summary>
    public string? ElementWithRootId { get; set; }

    /// <summary>The name of the first element outside the enveloped signature whose text a comment splits.</summary>
    public string? ElementSplitByComment { get; set; }
}

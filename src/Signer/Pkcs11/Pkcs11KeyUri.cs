using System.Text;

namespace Fedmd.Signer.Pkcs11;

/// <summary>
/// An RFC 7512 <c>pkcs11:</c> URI naming the signing key: the token by label, the key by label and/or id, and the
/// module by path. A PIN never travels in the URI: <c>pin-value</c> is refused.
/// </summary>
public sealed record Pkcs11KeyUri
{
    private Pkcs11KeyUri(string modulePath, string tokenLabel, string? objectLabel, byte[]? objectId)
    {
        ModulePath = modulePath;
        TokenLabel = tokenLabel;
        ObjectLabel = objectLabel;
        ObjectId = objectId;
    }

    /// <summary>Path of the PKCS#11 module (<c>module-path</c>).</summary>
    public string ModulePath { get; }

    /// <summary>Label of the token (<c>token</c>): the slot is always found by it, never by number.</summary>
    public string TokenLabel { get; }

    /// <summary>Label of the key object (<c>object</c>), when given.</summary>
    public string? ObjectLabel { get; }

    /// <summary>CKA_ID of the key object (<c>id</c>), when given.</summary>
    public byte[]? ObjectId { get; }

    /// <summary>Parses a URI such as <c>pkcs11:token=fedmd-dev;object=metadata-signing?module-path=/usr/lib/softhsm/libsofthsm2.so</c>.</summary>
    /// <exception cref="FormatException">The URI is malformed, lacks a token, key or module, or carries a PIN.</exception>
    public static Pkcs11KeyUri Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        const string scheme = "pkcs11:";
        if (!text.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException("a PKCS#11 URI starts with 'pkcs11:'");
        }

        var body = text[scheme.Length..];
        var queryStart = body.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? body : body[..queryStart];
        var query = queryStart < 0 ? string.Empty : body[(queryStart + 1)..];

        var pathAttributes = Split(path, ';');
        var queryAttributes = Split(query, '&');
        if (queryAttributes.ContainsKey("pin-value") || pathAttributes.ContainsKey("pin-value"))
        {
            throw new FormatException("the PKCS#11 URI carries pin-value; a PIN must come from a PIN file or environment variable, never from configuration");
        }

        if (!pathAttributes.TryGetValue("token", out var rawToken) || rawToken.Length == 0)
        {
            throw new FormatException("the PKCS#11 URI names no token (add token=LABEL)");
        }

        var objectLabel = pathAttributes.TryGetValue("object", out var rawLabel) ? Utf8(rawLabel) : null;
        var objectId = pathAttributes.TryGetValue("id", out var rawId) ? DecodeOctets(rawId) : null;
        if (objectLabel is null && objectId is null)
        {
            throw new FormatException("the PKCS#11 URI names no key (add object=LABEL or id=%01)");
        }

        if (!queryAttributes.TryGetValue("module-path", out var rawModule) || rawModule.Length == 0)
        {
            throw new FormatException("the PKCS#11 URI names no module (add ?module-path=/path/to/module.so)");
        }

        return new Pkcs11KeyUri(Utf8(rawModule), Utf8(rawToken), objectLabel, objectId);
    }

    /// <summary>The URI of another key on the same token and module: <paramref name="objectLabel"/> and <paramref name="objectId"/>.</summary>
    public Pkcs11KeyUri WithObject(string objectLabel, byte[] objectId) => new(ModulePath, TokenLabel, objectLabel, [.. objectId]);

    /// <summary>The URI in canonical form; it holds no secret and may be logged.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder("pkcs11:token=").Append(Encode(TokenLabel));
        if (ObjectLabel is not null)
        {
            builder.Append(";object=").Append(Encode(ObjectLabel));
        }

        if (ObjectId is not null)
        {
            builder.Append(";id=").Append(string.Concat(ObjectId.Select(b => $"%{b:X2}")));
        }

        return builder.Append("?module-path=").Append(Encode(ModulePath)).ToString();
    }

    private static Dictionary<string, string> Split(string part, char separator)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in part.Split(separator, StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                // The item itself is never echoed: it could be a PIN typed into the wrong place.
                throw new FormatException($"item {attributes.Count + 1} of the PKCS#11 URI is not name=value");
            }

            var name = pair[..equals];
            if (!attributes.TryAdd(name, pair[(equals + 1)..]))
            {
                throw new FormatException($"PKCS#11 URI attribute '{name}' appears twice");
            }
        }

        return attributes;
    }

    // RFC 7512 values are percent-encoded octets: ids are binary, labels and paths UTF-8.
    private static byte[] DecodeOctets(string value)
    {
        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '%')
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(value[i].ToString()));
                continue;
            }

            if (i + 2 >= value.Length || !byte.TryParse(value.AsSpan(i + 1, 2), System.Globalization.NumberStyles.HexNumber, null, out var octet))
            {
                throw new FormatException("a PKCS#11 URI percent escape needs two hex digits");
            }

            bytes.Add(octet);
            i += 2;
        }

        return bytes.ToArray();
    }

    private static string Utf8(string value) => Encoding.UTF8.GetString(DecodeOctets(value));

    private static string Encode(string value) =>
        string.Concat(Encoding.UTF8.GetBytes(value).Select(b =>
            char.IsAsciiLetterOrDigit((char)b) || "-._~/".Contains((char)b, StringComparison.Ordinal) ? ((char)b).ToString() : $"%{b:X2}"));
}

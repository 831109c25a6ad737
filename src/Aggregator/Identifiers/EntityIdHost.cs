using System.Globalization;

namespace Fedmd.Aggregator.Identifiers;

/// <summary>
/// The host of a URL-shaped entityID as written (not lower-cased or IDN-encoded, as <see cref="Uri.Host"/> would),
/// so that the checks see exactly what a participant sent. URNs and other entityIDs without an authority have none.
/// </summary>
internal static class EntityIdHost
{
    /// <summary>The host between <c>scheme://</c> (and any user information) and the port or path, or null.</summary>
    public static string? Of(string entityId)
    {
        var separator = entityId.IndexOf("://", StringComparison.Ordinal);
        if (separator <= 0)
        {
            return null;
        }

        var start = separator + 3;
        var end = entityId.IndexOfAny(['/', '?', '#'], start);
        var authority = end < 0 ? entityId[start..] : entityId[start..end];
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            authority = authority[(at + 1)..];
        }

        // An IPv6 literal keeps its colons; otherwise a colon starts the port.
        var colon = authority.StartsWith('[') ? -1 : authority.IndexOf(':', StringComparison.Ordinal);
        var host = colon < 0 ? authority : authority[..colon];
        return host.Length == 0 ? null : host;
    }

    /// <summary>The host's labels, each in Unicode: an <c>xn--</c> label is decoded so it is judged as displayed.</summary>
    public static IReadOnlyList<string> UnicodeLabels(string host)
    {
        var mapping = new IdnMapping();
        return host.Split('.').Select(label =>
        {
            if (!label.StartsWith("xn--", StringComparison.OrdinalIgnoreCase))
            {
                return label;
            }

            try
            {
                return mapping.GetUnicode(label);
            }
            catch (ArgumentException)
            {
                return label;
            }
        }).ToList();
    }
}

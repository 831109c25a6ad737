using System.Globalization;
using System.Xml;

namespace Fedmd.Metadata.Values;

/// <summary>
/// The xs:dateTime instants of SAML metadata (validUntil, creationInstant, registrationInstant): read strictly, with a
/// time zone, so that every part of fedmd agrees on what a document's validity is; written in UTC with a Z.
/// </summary>
public static class XsDateTime
{
    private static readonly string[] Formats =
        ["yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", "yyyy-MM-ddTHH:mm:sszzz", "yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz"];

    /// <summary>Reads an xs:dateTime with a time zone; a date alone, a local time or '1/2/2030' is refused.</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        try
        {
            value = XmlConvert.ToDateTimeOffset(text, Formats);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Reads an xs:dateTime, or null when the text is missing or not one.</summary>
    public static DateTimeOffset? ParseOrNull(string? text) => TryParse(text, out var value) ? value : null;

    /// <summary>Writes an instant in UTC with a Z and whole seconds, as metadata consumers expect.</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

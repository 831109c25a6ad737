using System.ComponentModel;
using System.Globalization;

namespace Fedmd.Cli.Configuration;

/// <summary>
/// Whether a setting's text converts to its option's type the way the configuration binder converts it (the type's
/// <see cref="TypeConverter"/>, invariant culture; empty text is null for a nullable type), so that a bad value is
/// refused with its key and origin instead of the binder's message about the whole file.
/// </summary>
internal static class ValueConversion
{
    /// <summary>Null when <paramref name="text"/> converts to <paramref name="type"/>; otherwise what the value must be.</summary>
    public static string? Problem(Type type, string? text)
    {
        ArgumentNullException.ThrowIfNull(type);
        var plain = Nullable.GetUnderlyingType(type);
        if (text is null || type == typeof(string) || (plain is not null && text.Length == 0))
        {
            return null;
        }

        plain ??= type;
        // The binder treats any converter failure as a bad value; so does this check, whatever a converter throws.
        try
        {
            TypeDescriptor.GetConverter(plain).ConvertFromString(null, CultureInfo.InvariantCulture, text);
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Expectation(plain, e);
        }
    }

    private static string Expectation(Type type, Exception failure)
    {
        if (type.IsEnum)
        {
            return $"must be one of {string.Join(", ", Enum.GetNames(type))}";
        }

        return Type.GetTypeCode(type) switch
        {
            TypeCode.Boolean => "must be true or false",
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32
                or TypeCode.Int64 or TypeCode.UInt64 => "must be a whole number",
            TypeCode.Single or TypeCode.Double or TypeCode.Decimal => "must be a number",
            TypeCode.DateTime => "must be a date and time such as 2027-02-01T10:00:00Z",
            _ when type == typeof(DateTimeOffset) => "must be a date and time such as 2027-02-01T10:00:00Z",
            _ when type == typeof(TimeSpan) => "must be a time span such as 00:05:00",
            // A converter of our own (an xs:duration, say) words its rule itself.
            _ => failure.Message,
        };
    }
}

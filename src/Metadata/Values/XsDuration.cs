using System.Xml;

namespace Fedmd.Metadata.Values;

/// <summary>An XML Schema duration such as <c>PT6H</c> or <c>P10D</c>, as used by cacheDuration and validity windows.</summary>
public readonly record struct XsDuration
{
    private XsDuration(TimeSpan value, string text)
    {
        Value = value;
        Text = text;
    }

    /// <summary>The length of the duration.</summary>
    public TimeSpan Value { get; }

    /// <summary>The duration as written, e.g. <c>PT6H</c>.</summary>
    public string Text { get; }

    /// <summary>Parses an xs:duration; only positive durations are accepted.</summary>
    /// <exception cref="FormatException">The text is not a positive xs:duration.</exception>
    public static XsDuration Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        TimeSpan value;
        try
        {
            value = XmlConvert.ToTimeSpan(text);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new FormatException($"'{text}' is not an ISO 8601 duration such as PT6H or P10D (at most about 29,000 years)");
        }

        if (value <= TimeSpan.Zero)
        {
            throw new FormatException($"'{text}' is not a positive duration");
        }

        return new XsDuration(value, text);
    }

    /// <summary>Whether the text parses as a positive xs:duration.</summary>
    public static bool IsValid(string? text)
    {
        if (text is null)
        {
            return false;
        }

        try
        {
            Parse(text);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}

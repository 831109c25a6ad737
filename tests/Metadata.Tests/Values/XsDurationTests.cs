using Fedmd.Metadata.Values;

namespace Fedmd.Tests.Metadata.Values;

public sealed class XsDurationTests
{
    [Theory]
    [InlineData("PT6H", 6 * 60)]
    [InlineData("P10D", 10 * 24 * 60)]
    [InlineData("P1DT30M", 24 * 60 + 30)]
    public void Parses_iso_durations(string text, int minutes)
    {
        var duration = XsDuration.Parse(text);

        Assert.Equal(TimeSpan.FromMinutes(minutes), duration.Value);
        Assert.Equal(text, duration.Text);
    }

    [Theory]
    [InlineData("6h")]
    [InlineData("PT0S")]
    [InlineData("-P1D")]
    [InlineData("")]
    public void Refuses_non_positive_or_malformed_durations(string text)
    {
        Assert.False(XsDuration.IsValid(text));
        Assert.Throws<FormatException>(() => XsDuration.Parse(text));
    }
}

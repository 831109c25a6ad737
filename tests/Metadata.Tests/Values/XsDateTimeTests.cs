using Fedmd.Metadata.Values;

namespace Fedmd.Tests.Metadata.Values;

public sealed class XsDateTimeTests
{
    [Theory]
    [InlineData("2030-01-02T03:04:05Z")]
    [InlineData("2030-01-02T03:04:05.123Z")]
    [InlineData("2030-01-02T05:04:05+02:00")]
    public void Reads_date_times_with_a_zone(string text)
    {
        Assert.True(XsDateTime.TryParse(text, out var value));
        Assert.Equal(new DateTime(2030, 1, 2, 3, 4, 5, DateTimeKind.Utc), value.UtcDateTime.AddTicks(-(value.UtcDateTime.Ticks % TimeSpan.TicksPerSecond)));
    }

    [Theory]
    [InlineData("2030-01-02")]
    [InlineData("1/2/2030")]
    [InlineData("2030-01-02T03:04:05")]
    [InlineData("")]
    [InlineData(null)]
    public void Refuses_what_is_not_an_xs_date_time_with_a_zone(string? text)
    {
        Assert.False(XsDateTime.TryParse(text, out _));
        Assert.Null(XsDateTime.ParseOrNull(text));
    }

    [Fact]
    public void Writes_utc_with_a_z_and_whole_seconds()
    {
        Assert.Equal("2030-01-02T01:04:05Z", XsDateTime.Format(new DateTimeOffset(2030, 1, 2, 3, 4, 5, 678, TimeSpan.FromHours(2))));
    }
}

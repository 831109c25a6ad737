using Fedmd.Cli.Scheduling;

namespace Fedmd.Tests.Cluster;

/// <summary>The fire time every node claims for a pass starting now: the latest scheduled one at or before now.</summary>
public sealed class LatestFireTimeTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0/5 * * * * ?", 7, 5)]
    [InlineData("0/5 * * * * ?", 5, 5)]
    [InlineData("0 0 * * * ?", 3599, 0)]
    [InlineData("0 0 * * * ?", 3600, 3600)]
    public void A_pass_started_after_a_fire_claims_that_fire(string cron, int secondsAfterNoon, int fireSecondsAfterNoon)
    {
        var fire = LatestFireTime.AtOrBefore(cron, TimeZoneInfo.Utc, Noon.AddSeconds(secondsAfterNoon));

        Assert.Equal(Noon.AddSeconds(fireSecondsAfterNoon), fire);
    }

    [Fact]
    public void A_catch_up_long_after_a_yearly_fire_claims_that_fire()
    {
        var fire = LatestFireTime.AtOrBefore("0 0 0 1 1 ?", TimeZoneInfo.Utc, Noon);

        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), fire);
    }
}

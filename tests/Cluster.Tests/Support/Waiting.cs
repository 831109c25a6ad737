namespace Fedmd.Tests.Cluster.Support;

/// <summary>Polls a condition until it holds or a deadline passes.</summary>
internal static class Waiting
{
    /// <summary>Waits for <paramref name="condition"/>; fails with <paramref name="explanation"/> after <paramref name="timeout"/>.</summary>
    public static void Until(Func<bool> condition, TimeSpan timeout, Func<string> explanation)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, explanation());
            Thread.Sleep(100);
        }
    }
}

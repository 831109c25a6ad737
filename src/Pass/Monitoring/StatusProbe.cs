namespace Fedmd.Pass.Monitoring;

/// <summary>Runs every configured check, one after the other, into one report.</summary>
public sealed class StatusProbe(IReadOnlyList<IStatusCheck> checks, TimeProvider clock)
{
    /// <summary>Makes every check.</summary>
    public async Task<StatusReport> RunAsync(CancellationToken cancellationToken)
    {
        var checkedAt = clock.GetUtcNow();
        var lines = new List<StatusLine>();
        foreach (var check in checks)
        {
            lines.Add(await check.CheckAsync(cancellationToken).ConfigureAwait(false));
        }

        return new StatusReport(checkedAt, lines);
    }
}

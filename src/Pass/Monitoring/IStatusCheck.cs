namespace Fedmd.Pass.Monitoring;

/// <summary>One check <c>fedmd status</c> makes. A check reports its failures as a line; it throws only when cancelled.</summary>
public interface IStatusCheck
{
    /// <summary>Makes the check.</summary>
    Task<StatusLine> CheckAsync(CancellationToken cancellationToken);
}

using Fedmd.Cli.Configuration;
using Fedmd.Cluster.Claims;
using Fedmd.Cluster.Database;
using Fedmd.Cluster.State;
using Fedmd.Pass.State;

namespace Fedmd.Cli.Composition;

/// <summary>The state store as configured: the state directory alone, or with a cluster, PostgreSQL for what nodes share.</summary>
internal static class StateComponents
{
    /// <summary>The state directory's files: <c>StateDirectory</c>, <c>Registry:LedgerFile</c>, <c>Signing:AuditLog</c>.</summary>
    public static FileStateStore Open(FedmdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new FileStateStore(options.StateDirectory, options.Registry.LedgerFile, options.Signing.AuditLog);
    }

    /// <summary>
    /// The state a pass uses. With <paramref name="cluster"/>, each pass claims the fire time <paramref name="fireTime"/>
    /// gives before it reads anything, and the shared state lives in PostgreSQL.
    /// </summary>
    public static PassState ForPass(FedmdOptions options, ClusterDatabase? cluster, Func<DateTimeOffset> fireTime)
    {
        var files = Open(options);
        if (cluster is null)
        {
            return new PassState(files, files, files, files, files, files);
        }

        var fence = new ClaimFence();
        var shared = new ClusterStateStore(cluster, fence);
        var sources = new SharedSourceCopies(shared, options.Sources.Select(s => (s.Name, files.SourceCopyPath(s.Name))).ToList());
        return new PassState(files, new ClaimingPassLock(files, new FireClaims(cluster), fence, sources, fireTime), shared, shared, shared, shared);
    }
}

using Fedmd.Cli.Configuration;
using Fedmd.Cli.Logging;
using Fedmd.Cluster.Database;
using Fedmd.Metadata.Failures;
using Fedmd.Pass;
using Fedmd.Pass.State;
using Serilog;

namespace Fedmd.Cli.Composition;

/// <summary>
/// One pass exactly as <c>fedmd run --once</c> runs it: in a cluster, the pass's start claimed as its fire time; the
/// token opened for the pass with the keys the rollover state names; the pass composed around them; the outcome
/// recorded for monitoring. The compromise commands publish through this too.
/// </summary>
internal static class OncePass
{
    /// <summary>Runs one pass with <paramref name="settings"/>; a failure is recorded and thrown.</summary>
    /// <exception cref="FedmdException">The pass failed; exit 3 when the cluster's database is unreachable or the claim was lost.</exception>
    public static PassOutcome Run(FedmdOptions options, TypedConfiguration typed, PassSettings settings, TimeProvider clock, ILogger log)
    {
        using var cluster = ClusterComponents.Open(options);
        var startedAt = clock.GetUtcNow();
        // A pass by hand claims its own start as its fire time: it never takes a scheduled one from the service.
        var state = StateComponents.ForPass(options, cluster, () => startedAt);
        var recorder = new PassRecorder(state.Records, clock);
        PassOutcome outcome;
        try
        {
            // Opening the token is part of the pass: a refused or latched PIN is a failed pass for monitoring.
            using var signing = PassSigning.Open(options, typed, state.Files, clock, log);
            using var pass = PassComponents.Create(options, typed, settings, state, signing, new LoggedPassEvents(log), clock);
            outcome = pass.Pass.RunAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (PassNotClaimedException e)
        {
            throw new FedmdException(FailureKind.Infrastructure, e.Message);
        }
        catch (FedmdException e) when (e.InnerException is ClusterUnreachableException)
        {
            // The record lives in the database that is down: the one line on standard error is the record.
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            recorder.Failed(startedAt, e);
            throw;
        }

        recorder.Succeeded(startedAt);
        return outcome;
    }
}

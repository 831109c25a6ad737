using Fedmd.Cli.Configuration;
using Fedmd.Cli.Logging;
using Fedmd.Pass;
using Fedmd.Pass.State;
using Serilog;

namespace Fedmd.Cli.Composition;

/// <summary>
/// One pass exactly as <c>fedmd run --once</c> runs it: the token opened for the pass, the pass composed around it,
/// and the outcome recorded for monitoring. <c>compromise</c> publishes through this too.
/// </summary>
internal static class OncePass
{
    /// <summary>Runs one pass with <paramref name="settings"/>; a failure is recorded and thrown.</summary>
    public static PassOutcome Run(FedmdOptions options, TypedConfiguration typed, PassSettings settings, TimeProvider clock, ILogger log)
    {
        var state = StateComponents.Open(options);
        var recorder = new PassRecorder(state, clock);
        var startedAt = clock.GetUtcNow();
        PassOutcome outcome;
        try
        {
            // Opening the token is part of the pass: a refused or latched PIN is a failed pass for monitoring.
            using var signing = PassSigning.Open(options, typed, state, clock, log);
            using var pass = PassComponents.Create(options, typed, settings, state, signing, new LoggedPassEvents(log), clock);
            outcome = pass.Pass.RunAsync(CancellationToken.None).GetAwaiter().GetResult();
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

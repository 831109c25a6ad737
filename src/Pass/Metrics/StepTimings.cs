using System.Runtime.CompilerServices;
using Fedmd.Aggregator.Pipeline;

namespace Fedmd.Pass.Metrics;

/// <summary>
/// The step durations of the passes under way, each pass's kept under its own <see cref="PassContext"/> (by reference:
/// the context is created once per pass) until the metrics file takes them. Built once per process with the steps.
/// </summary>
public sealed class StepTimings
{
    private readonly ConditionalWeakTable<PassContext, List<StepDuration>> _passes = [];

    /// <summary>Adds one step's duration to its pass.</summary>
    public void Add(PassContext context, StepDuration duration)
    {
        var durations = _passes.GetOrCreateValue(context);
        lock (durations)
        {
            durations.Add(duration);
        }
    }

    /// <summary>The durations recorded for the pass so far, in the order the steps ran.</summary>
    public IReadOnlyList<StepDuration> Of(PassContext context)
    {
        if (!_passes.TryGetValue(context, out var durations))
        {
            return [];
        }

        lock (durations)
        {
            return [.. durations];
        }
    }
}

using System.Diagnostics;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Pass.Steps;

namespace Fedmd.Pass.Metrics;

/// <summary>Measures a step's duration for the metrics file; a step that fails is measured too.</summary>
/// <param name="name">The step's label in <c>fedmd_pass_step_duration_seconds</c>.</param>
/// <param name="inner">The step.</param>
/// <param name="timings">Where the duration goes.</param>
public sealed class TimedStep<TInput, TOutput>(string name, IPassStep<TInput, TOutput> inner, StepTimings timings) : IPassStep<TInput, TOutput>
{
    /// <inheritdoc />
    public async Task<TOutput> RunAsync(TInput input, PassContext context, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await inner.RunAsync(input, context, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            timings.Add(context, new StepDuration(name, Stopwatch.GetElapsedTime(started)));
        }
    }
}

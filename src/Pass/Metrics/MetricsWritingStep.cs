using System.Text;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Metadata.Files;
using Fedmd.Pass.Steps;

namespace Fedmd.Pass.Metrics;

/// <summary>
/// Writes <c>metrics.prom</c> (node_exporter's textfile collector reads it) after the record step, atomically so the
/// collector never reads half a file. A failed pass leaves the file as it was: its last-success time then ages, which
/// is what an alert watches.
/// </summary>
/// <param name="inner">The record step.</param>
/// <param name="timings">The step durations of the pass, the record step's included.</param>
/// <param name="metricsPath">The file, inside the state directory.</param>
public sealed class MetricsWritingStep(IPassStep<Publication, PassOutcome> inner, StepTimings timings, string metricsPath) : IPassStep<Publication, PassOutcome>
{
    /// <inheritdoc />
    public async Task<PassOutcome> RunAsync(Publication input, PassContext context, CancellationToken cancellationToken)
    {
        var outcome = await inner.RunAsync(input, context, cancellationToken).ConfigureAwait(false);
        Directory.CreateDirectory(Path.GetDirectoryName(metricsPath)!);
        AtomicFileWriter.Write(metricsPath, Encoding.UTF8.GetBytes(PassMetrics.Render(input, outcome, timings.Of(context))));
        return outcome;
    }
}

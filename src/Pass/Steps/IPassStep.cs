using Fedmd.Aggregator.Pipeline;

namespace Fedmd.Pass.Steps;

/// <summary>
/// One step of the pass: takes what the step before produced and returns what the next one needs. A step is built
/// once per process and holds nothing of any one pass; the pass's facts come in <see cref="PassContext"/>. A step that
/// refuses to go on throws a <see cref="Metadata.Failures.FedmdException"/>, and nothing after it runs.
/// </summary>
/// <typeparam name="TInput">What the step consumes.</typeparam>
/// <typeparam name="TOutput">What the step produces.</typeparam>
public interface IPassStep<in TInput, TOutput>
{
    /// <summary>Runs the step for one pass.</summary>
    Task<TOutput> RunAsync(TInput input, PassContext context, CancellationToken cancellationToken);
}

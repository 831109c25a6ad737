using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Runs;

namespace Fedmd.Pass.Steps;

/// <summary>Runs the entity pipelines over the collection: every check and transformation, the registry first.</summary>
public sealed class JudgeStep(Aggregation aggregation, IPassEvents events) : IPassStep<Collected, Judged>
{
    /// <inheritdoc />
    public Task<Judged> RunAsync(Collected input, PassContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var judgement = aggregation.Judge(input.Items, input.Sources, context);
        events.Judged(input.Registry, judgement);
        return Task.FromResult(new Judged(input.Registry, judgement));
    }
}

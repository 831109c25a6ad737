using Fedmd.Metadata.Failures;
using Fedmd.Publisher.Publication;

namespace Fedmd.Publisher.Targets;

/// <summary>
/// Publishes to the primary target (the local web root), then to every mirror. A primary failure fails the run: the
/// mirrors are not touched, so they never run ahead of the origin. A mirror failure is recorded in its outcome and
/// the other mirrors still get the publication.
/// </summary>
public sealed class PublicationDispatcher(IPublicationTarget primary, IReadOnlyList<IPublicationTarget> mirrors)
{
    /// <summary>Publishes and returns one outcome per target, the primary first.</summary>
    /// <exception cref="FedmdException">The primary target failed; nothing went to the mirrors.</exception>
    public async Task<IReadOnlyList<TargetOutcome>> PublishAsync(PublicationSet publication, CancellationToken cancellationToken)
    {
        await primary.PublishAsync(publication, cancellationToken).ConfigureAwait(false);
        var outcomes = new List<TargetOutcome> { TargetOutcome.Published(primary.Name) };
        outcomes.AddRange(await PublishToMirrorsAsync(publication, cancellationToken).ConfigureAwait(false));
        return outcomes;
    }

    /// <summary>
    /// Publishes files the primary already holds (the advisory, published on its own) to every mirror; returns one
    /// outcome per mirror.
    /// </summary>
    public async Task<IReadOnlyList<TargetOutcome>> PublishToMirrorsAsync(PublicationSet publication, CancellationToken cancellationToken)
    {
        var outcomes = new List<TargetOutcome>();
        foreach (var mirror in mirrors)
        {
            outcomes.Add(await PublishToMirror(mirror, publication, cancellationToken).ConfigureAwait(false));
        }

        return outcomes;
    }

    private static async Task<TargetOutcome> PublishToMirror(IPublicationTarget mirror, PublicationSet publication, CancellationToken cancellationToken)
    {
        try
        {
            await mirror.PublishAsync(publication, cancellationToken).ConfigureAwait(false);
            return TargetOutcome.Published(mirror.Name);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return TargetOutcome.Failed(mirror.Name, e.Message);
        }
    }
}

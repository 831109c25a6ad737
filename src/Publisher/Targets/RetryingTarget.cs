using Fedmd.Metadata.Failures;
using Fedmd.Publisher.Publication;
using Fedmd.Publisher.Retries;

namespace Fedmd.Publisher.Targets;

/// <summary>Retries a target's publication with bounded backoff; the last failure names how many attempts were made.</summary>
public sealed class RetryingTarget(IPublicationTarget inner, BackoffPolicy policy, IPause pause) : IPublicationTarget
{
    /// <inheritdoc />
    public string Name => inner.Name;

    /// <inheritdoc />
    public async Task PublishAsync(PublicationSet publication, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await inner.PublishAsync(publication, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (attempt >= policy.Attempts)
                {
                    throw new FedmdException(FailureKind.Infrastructure,
                        $"{inner.Name}: failed after {attempt} attempt{(attempt == 1 ? string.Empty : "s")}: {e.Message}", e);
                }
            }

            await pause.WaitAsync(policy.DelayAfter(attempt), cancellationToken).ConfigureAwait(false);
        }
    }
}

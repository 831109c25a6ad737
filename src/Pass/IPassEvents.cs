using Fedmd.Aggregator.Runs;
using Fedmd.Publisher.Publication;

namespace Fedmd.Pass;

/// <summary>What a pass tells its operator while it runs; the host logs it. The pass itself writes no log.</summary>
public interface IPassEvents
{
    /// <summary>The pipelines judged the registry at <paramref name="registry"/> and the imported sources.</summary>
    void Judged(string registry, Judgement judgement);

    /// <summary>The signed feeds went to every target.</summary>
    void Published(SignedFeeds feeds, PublicationRun run);
}

using Fedmd.Aggregator.Feeds;

namespace Fedmd.Pass;

/// <summary>One feed written and ready to sign: its plan and the file that holds its unsigned document.</summary>
/// <param name="Plan">The feed's definition, header and entities.</param>
/// <param name="UnsignedPath">The unsigned <c>md:EntitiesDescriptor</c> as UTF-8, in the pass's work directory.</param>
public sealed record AssembledFeed(FeedPlan Plan, string UnsignedPath)
{
    /// <summary>The name the signer records in its audit log: the feed's file name without extension.</summary>
    public string Name => Path.GetFileNameWithoutExtension(Plan.Definition.FileName);
}

using Fedmd.Aggregator.Feeds;

namespace Fedmd.Pass;

/// <summary>One feed written and ready to sign: its plan and its unsigned serialised bytes.</summary>
/// <param name="Plan">The feed's definition, header and entities.</param>
/// <param name="UnsignedBytes">The unsigned <c>md:EntitiesDescriptor</c> as UTF-8.</param>
public sealed record AssembledFeed(FeedPlan Plan, ReadOnlyMemory<byte> UnsignedBytes)
{
    /// <summary>The name the signer records in its audit log: the feed's file name without extension.</summary>
    public string Name => Path.GetFileNameWithoutExtension(Plan.Definition.FileName);
}

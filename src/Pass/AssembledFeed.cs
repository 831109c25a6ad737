using System.Xml;
using Fedmd.Aggregator.Feeds;

namespace Fedmd.Pass;

/// <summary>One feed written and ready to sign: its plan and its unsigned document (which signing completes in place).</summary>
/// <param name="Plan">The feed's definition, header and entities.</param>
/// <param name="Document">The unsigned <c>md:EntitiesDescriptor</c>.</param>
public sealed record AssembledFeed(FeedPlan Plan, XmlDocument Document)
{
    /// <summary>The name the signer records in its audit log: the feed's file name without extension.</summary>
    public string Name => Path.GetFileNameWithoutExtension(Plan.Definition.FileName);
}

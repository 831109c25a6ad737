namespace Fedmd.Aggregator.Pipeline;

/// <summary>
/// A check of one entity in the form it will be published: its bytes after every DOM stage, which the pipeline
/// serialises once and hands to every check, so that no check writes the DOM out again or reads the item's spool back.
/// </summary>
public interface IPublishedEntityCheck
{
    /// <summary>Checks <paramref name="published"/>, the bytes stored as the item's; marks the item, never throws for one bad entity.</summary>
    void Apply(EntityItem item, byte[] published, PassContext context);
}

namespace Fedmd.Aggregator.Pipeline;

/// <summary>
/// A check of one entity in the form it will be published: its bytes after every DOM stage, which the pipeline
/// serialises once. A check that needs the published form reads <see cref="EntityItem.Bytes"/> instead of writing
/// the DOM out again.
/// </summary>
public interface IPublishedEntityCheck
{
    /// <summary>Checks the item's published bytes; marks the item, never throws for one bad entity.</summary>
    void Apply(EntityItem item, PassContext context);
}

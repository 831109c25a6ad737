using System.Xml;

namespace Fedmd.Aggregator.Pipeline;

/// <summary>
/// A stage that looks at one entity's DOM at a time: a check marks the item, a transformation edits the DOM.
/// The DOM lives only while the entity's own stages run.
/// </summary>
public interface IEntityStage
{
    /// <summary>Checks or changes one entity, with the facts of the pass it runs in.</summary>
    void Apply(EntityItem item, XmlDocument entity, PassContext context);
}

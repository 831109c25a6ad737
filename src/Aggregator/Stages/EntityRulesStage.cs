using System.Xml;
using Fedmd.Aggregator.Model;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Rules;

namespace Fedmd.Aggregator.Stages;

/// <summary>Reads the entity model once and runs every model rule over it, turning each failure into a finding.</summary>
internal sealed class EntityRulesStage(IReadOnlyList<IEntityRule> rules) : IEntityStage
{
    /// <summary>The rules, in the order they run.</summary>
    public IReadOnlyList<IEntityRule> Rules { get; } = rules;

    /// <inheritdoc />
    public void Apply(EntityItem item, XmlDocument entity, PassContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        var model = EntityModelReader.Read(entity);
        foreach (var rule in Rules)
        {
            foreach (var failure in rule.Validate(model, context).Errors)
            {
                item.Add(new ItemMessage(rule.RuleId, RuleSeverity.ToPipeline(failure.Severity), failure.ErrorMessage));
            }
        }
    }
}

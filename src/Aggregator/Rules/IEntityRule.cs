using Fedmd.Aggregator.Model;
using Fedmd.Aggregator.Pipeline;
using FluentValidation;

namespace Fedmd.Aggregator.Rules;

/// <summary>
/// One validation rule over the entity model, with a stable id. Each failure it reports carries that id as its error
/// code and its severity: Error excludes the entity, Warning only reports.
/// </summary>
public interface IEntityRule : IValidator<EntityModel>
{
    /// <summary>The rule's stable id, e.g. <c>endpoint.https</c>; reports and docs/validation.md use it.</summary>
    string RuleId { get; }

    /// <summary>Judges <paramref name="model"/> in the pass described by <paramref name="context"/> (its moment, for date rules).</summary>
    FluentValidation.Results.ValidationResult Validate(EntityModel model, PassContext context);
}

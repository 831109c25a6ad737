using Fedmd.Aggregator.Model;
using FluentValidation;

namespace Fedmd.Aggregator.Rules;

/// <summary>Base of the rules: a FluentValidation validator whose every failure carries the rule's id.</summary>
public abstract class EntityRule : AbstractValidator<EntityModel>, IEntityRule
{
    /// <inheritdoc />
    public abstract string RuleId { get; }

    /// <summary>Applies the rule's id to every failure, so that no rule can forget it.</summary>
    public override FluentValidation.Results.ValidationResult Validate(ValidationContext<EntityModel> context)
    {
        var result = base.Validate(context);
        foreach (var failure in result.Errors)
        {
            failure.ErrorCode = RuleId;
        }

        return result;
    }
}

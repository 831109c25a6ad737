using Fedmd.Aggregator.Model;
using Fedmd.Aggregator.Pipeline;
using FluentValidation;

namespace Fedmd.Aggregator.Rules;

/// <summary>Base of the rules: a FluentValidation validator whose every failure carries the rule's id.</summary>
public abstract class EntityRule : AbstractValidator<EntityModel>, IEntityRule
{
    private const string ContextKey = "fedmd.pass";

    /// <inheritdoc />
    public abstract string RuleId { get; }

    /// <inheritdoc />
    public FluentValidation.Results.ValidationResult Validate(EntityModel model, PassContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var validation = new ValidationContext<EntityModel>(model);
        validation.RootContextData[ContextKey] = context;
        return Validate(validation);
    }

    /// <summary>
    /// The pass a rule runs in. FluentValidation carries per-call data in the root context, so one rule instance
    /// serves every pass. A rule that reads it must be validated with <see cref="Validate(EntityModel, PassContext)"/>:
    /// no rule falls back on a clock of its own.
    /// </summary>
    /// <exception cref="InvalidOperationException">The rule was validated without a pass.</exception>
    protected static PassContext PassOf(ValidationContext<EntityModel> validation)
    {
        ArgumentNullException.ThrowIfNull(validation);
        return validation.RootContextData.TryGetValue(ContextKey, out var context) && context is PassContext pass
            ? pass
            : throw new InvalidOperationException("this rule judges as of a pass; validate it with Validate(model, context)");
    }

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

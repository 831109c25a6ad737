using Fedmd.Aggregator.Assembly;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Metadata.Xml;

namespace Fedmd.Aggregator.Stages;

/// <summary>
/// The entity, as the transformations left it, can be copied into an aggregate (a RegistrationInfo injected into an
/// entity at the size cap can push it over). It reads the bytes the pipeline stored after the last transformation, so
/// that <c>fedmd check</c> finds what the aggregate writer would leave out, and the pass reports it with the entity's
/// file instead of finding it while assembling.
/// </summary>
internal sealed class AssemblyReadinessCheck(SafeXmlLoader loader) : IPublishedEntityCheck
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Rule = EntityCopy.Rule;

    private readonly EntityCopy _copy = new(loader);

    /// <inheritdoc />
    public void Apply(EntityItem item, byte[] published, PassContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (_copy.Problem(published) is { } problem)
        {
            item.AddError(Rule, problem);
        }
        else
        {
            item.MarkBytesCopyable();
        }
    }
}

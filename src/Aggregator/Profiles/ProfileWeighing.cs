using Fedmd.Aggregator.Pipeline;

namespace Fedmd.Aggregator.Profiles;

/// <summary>
/// The pipeline's last stage: gives every finding the weight the profile says, so that an entity is excluded only for
/// what its profile counts as an error. It runs after the duplicate check, over every item.
/// </summary>
internal sealed class ProfileWeighing(RuleProfile profile) : IRegistryStage
{
    /// <summary>The profile applied.</summary>
    public RuleProfile Profile { get; } = profile;

    /// <inheritdoc />
    public void Apply(IReadOnlyList<EntityItem> items, PassContext context)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            item.Reweigh(Profile.Weigh);
        }
    }
}

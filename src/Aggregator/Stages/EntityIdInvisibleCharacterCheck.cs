using System.Globalization;
using System.Xml;
using Fedmd.Aggregator.Identifiers;
using Fedmd.Aggregator.Pipeline;

namespace Fedmd.Aggregator.Stages;

/// <summary>
/// An entityID holds no invisible or bidirectional control character: a zero-width space or a right-to-left override
/// makes an entityID that displays exactly like a genuine one (or like another text) while comparing different.
/// </summary>
internal sealed class EntityIdInvisibleCharacterCheck : IEntityStage
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Rule = "entityid.invisible";

    /// <inheritdoc />
    public void Apply(EntityItem item, XmlDocument entity, PassContext context)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(entity);
        var entityId = entity.DocumentElement!.GetAttribute("entityID");
        var position = 0;
        foreach (var rune in entityId.EnumerateRunes())
        {
            var bidirectional = InvisibleCharacters.IsBidirectionalControl(rune);
            if (bidirectional || InvisibleCharacters.IsInvisible(rune))
            {
                var kind = bidirectional ? "a bidirectional control character" : "an invisible character";
                item.AddError(Rule, string.Create(CultureInfo.InvariantCulture,
                    $"the entityID holds {kind} (U+{rune.Value:X4}) at position {position}; remove it: the entityID displays like another one but is not"));
                return;
            }

            position += rune.Utf16SequenceLength;
        }
    }
}

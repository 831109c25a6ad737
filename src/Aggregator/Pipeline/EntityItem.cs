namespace Fedmd.Aggregator.Pipeline;

/// <summary>
/// One entity travelling through the pipeline: where it came from, its bytes, a small summary once parsed, and every
/// finding stages made about it. Stages mark items; they never throw for one bad entity.
/// </summary>
public sealed class EntityItem
{
    private readonly List<ItemMessage> _messages = [];

    /// <summary>Creates an item for the entity read from <paramref name="source"/>.</summary>
    public EntityItem(string source, byte[] bytes)
    {
        Source = source;
        Bytes = bytes;
    }

    /// <summary>Where the entity came from: a file path or a feed URL.</summary>
    public string Source { get; }

    /// <summary>The entity document's bytes; replaced after stages change the entity.</summary>
    public byte[] Bytes { get; private set; }

    /// <summary>The entity's summary; null until it parsed.</summary>
    public EntitySummary? Summary { get; private set; }

    /// <summary>Every finding so far, in the order stages made them.</summary>
    public IReadOnlyList<ItemMessage> Messages => _messages;

    /// <summary>Whether any finding excludes the entity.</summary>
    public bool HasErrors => _messages.Exists(m => m.Severity == Severity.Error);

    /// <summary>The entityID when known, otherwise the source, for messages.</summary>
    public string DisplayName => Summary?.EntityId is { Length: > 0 } id ? id : Source;

    /// <summary>Records a finding.</summary>
    public void Add(ItemMessage message) => _messages.Add(message);

    /// <summary>Records a MUST-level finding: the entity will be excluded.</summary>
    public void AddError(string ruleId, string message) => _messages.Add(new ItemMessage(ruleId, Severity.Error, message));

    /// <summary>Records a SHOULD-level finding: reported, not excluded.</summary>
    public void AddWarning(string ruleId, string message) => _messages.Add(new ItemMessage(ruleId, Severity.Warning, message));

    /// <summary>Replaces each finding by what <paramref name="weigh"/> makes of it; null drops it (a profile's weighing).</summary>
    public void Reweigh(Func<ItemMessage, ItemMessage?> weigh)
    {
        ArgumentNullException.ThrowIfNull(weigh);
        var weighed = _messages.Select(weigh).OfType<ItemMessage>().ToList();
        _messages.Clear();
        _messages.AddRange(weighed);
    }

    /// <summary>Stores the entity after its per-entity stages ran.</summary>
    public void Update(byte[] bytes, EntitySummary summary)
    {
        Bytes = bytes;
        Summary = summary;
    }
}

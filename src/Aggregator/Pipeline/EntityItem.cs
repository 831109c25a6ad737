namespace Fedmd.Aggregator.Pipeline;

/// <summary>
/// One entity travelling through the pipeline: where it came from, its bytes, a small summary once parsed, and every
/// finding stages made about it. Stages mark items; they never throw for one bad entity. A pass keeps the bytes in
/// its <see cref="EntitySpool"/>, so that only summaries and findings stay in memory; lint and tests keep them in memory.
/// </summary>
public sealed class EntityItem
{
    private readonly List<ItemMessage> _messages = [];
    private readonly EntitySpool? _spool;
    private byte[]? _inMemory;
    private long _offset;

    /// <summary>Creates an item for the entity read from <paramref name="source"/>, its bytes held in memory.</summary>
    public EntityItem(string source, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        Source = source;
        _inMemory = bytes;
        Length = bytes.Length;
    }

    private EntityItem(string source, ReadOnlySpan<byte> bytes, EntitySpool spool)
    {
        Source = source;
        _spool = spool;
        Store(bytes);
    }

    /// <summary>Creates an item whose bytes are appended to <paramref name="spool"/> rather than held.</summary>
    public static EntityItem Spooled(string source, ReadOnlySpan<byte> bytes, EntitySpool spool)
    {
        ArgumentNullException.ThrowIfNull(spool);
        return new EntityItem(source, bytes, spool);
    }

    /// <summary>Where the entity came from: a file path or a feed URL.</summary>
    public string Source { get; }

    /// <summary>
    /// The entity document's bytes, replaced by <see cref="Update"/>. A spooled item reads them from its spool on each
    /// call, into a fresh array: read once per use.
    /// </summary>
    public byte[] Bytes => _spool is null ? _inMemory! : _spool.Read(_offset, Length);

    /// <summary>How many bytes <see cref="Bytes"/> has, known without reading them.</summary>
    public int Length { get; private set; }

    /// <summary>
    /// Whether a check read the current bytes through and found them copyable into an aggregate as they are, so that
    /// the aggregate writer need not read them again; cleared whenever the bytes change.
    /// </summary>
    public bool BytesCopyable { get; private set; }

    /// <summary>Records that the current bytes are copyable into an aggregate (see <see cref="BytesCopyable"/>).</summary>
    public void MarkBytesCopyable() => BytesCopyable = true;

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
        ArgumentNullException.ThrowIfNull(bytes);
        if (_spool is null)
        {
            _inMemory = bytes;
            Length = bytes.Length;
        }
        else
        {
            Store(bytes);
        }

        Summary = summary;
        BytesCopyable = false;
    }

    // The spool is append-only: a new version is added at its end, and the old one is no longer referenced.
    private void Store(ReadOnlySpan<byte> bytes)
    {
        _offset = _spool!.Append(bytes);
        Length = bytes.Length;
    }
}

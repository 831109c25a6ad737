using System.Collections.Immutable;

namespace Fedmd.Aggregator.Ledger;

/// <summary>
/// The first-seen registration instant of every published entityID. An entry is added when an entity is first
/// published and never changed or removed, so an entity's <c>registrationInstant</c> stays the same across runs.
/// </summary>
public sealed class RegistrationLedger
{
    private RegistrationLedger(ImmutableSortedDictionary<string, DateTimeOffset> entries) => Entries = entries;

    /// <summary>An empty ledger.</summary>
    public static RegistrationLedger Empty { get; } = new(ImmutableSortedDictionary.Create<string, DateTimeOffset>(StringComparer.Ordinal));

    /// <summary>The entries, sorted by entityID.</summary>
    public ImmutableSortedDictionary<string, DateTimeOffset> Entries { get; }

    /// <summary>A ledger holding <paramref name="entries"/>.</summary>
    public static RegistrationLedger Of(IEnumerable<KeyValuePair<string, DateTimeOffset>> entries) =>
        new(ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, entries));

    /// <summary>The recorded instant of <paramref name="entityId"/>, or <paramref name="now"/> when it was never published.</summary>
    public DateTimeOffset InstantFor(string entityId, DateTimeOffset now) => Entries.GetValueOrDefault(entityId, TruncateToSeconds(now));

    /// <summary>This ledger plus <paramref name="now"/> for every entityID not yet in it; existing entries are kept.</summary>
    public RegistrationLedger WithFirstSeen(IEnumerable<string> entityIds, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entityIds);
        var builder = Entries.ToBuilder();
        foreach (var id in entityIds)
        {
            builder.TryAdd(id, TruncateToSeconds(now));
        }

        return new RegistrationLedger(builder.ToImmutable());
    }

    // The instant is published with whole seconds; keep the ledger equal to what was published.
    private static DateTimeOffset TruncateToSeconds(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}

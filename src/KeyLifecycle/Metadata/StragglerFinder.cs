using Fedmd.Publisher.Publication;

namespace Fedmd.KeyLifecycle.Metadata;

/// <summary>
/// Finds the clients most likely not ready for the next key: those (address and user agent together) that fetched a
/// default feed during the announcement but never its versioned, next-key name. A client that tested the next-key feed
/// from the same address and software is taken to be ready.
/// </summary>
public static class StragglerFinder
{
    /// <summary>The stragglers among <paramref name="entries"/> for <paramref name="feeds"/> between the two instants, most recent first.</summary>
    /// <param name="entries">The access log's requests.</param>
    /// <param name="feeds">The default feed file names, e.g. <c>federation-metadata.xml</c>.</param>
    /// <param name="from">The announcement.</param>
    /// <param name="until">The switch, or now while still announced.</param>
    public static IReadOnlyList<Straggler> Find(IEnumerable<AccessLogEntry> entries, IReadOnlyCollection<string> feeds, DateTimeOffset from, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(feeds);
        var nextNames = feeds.ToDictionary(NextKeyFeedName.For, f => f, StringComparer.Ordinal);
        var defaults = new Dictionary<(string Address, string Agent, string Feed), (DateTimeOffset Last, int Count)>();
        var movedOn = new HashSet<(string Address, string Agent, string Feed)>();
        foreach (var entry in entries.Where(e => e.Fetched && e.Time >= from && e.Time <= until))
        {
            var name = entry.FileName;
            if (nextNames.TryGetValue(name, out var feed))
            {
                movedOn.Add((entry.Address, entry.UserAgent, feed));
            }
            else if (feeds.Contains(name))
            {
                var key = (entry.Address, entry.UserAgent, name);
                defaults[key] = defaults.TryGetValue(key, out var seen)
                    ? (seen.Last > entry.Time ? seen.Last : entry.Time, seen.Count + 1)
                    : (entry.Time, 1);
            }
        }

        return defaults
            .Where(d => !movedOn.Contains(d.Key))
            .Select(d => new Straggler(d.Key.Address, d.Key.Agent, d.Key.Feed, d.Value.Last, d.Value.Count))
            .OrderByDescending(s => s.LastFetch)
            .ThenBy(s => s.Address, StringComparer.Ordinal)
            .ToList();
    }
}

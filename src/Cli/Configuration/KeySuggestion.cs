namespace Fedmd.Cli.Configuration;

/// <summary>The known key an unknown one was most likely meant to be: a close edit distance, ignoring case.</summary>
internal static class KeySuggestion
{
    /// <summary>The closest of <paramref name="known"/> to <paramref name="written"/>, or null when none is close.</summary>
    public static string? Closest(string written, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(written);
        ArgumentNullException.ThrowIfNull(known);
        // A quarter of the name (at least one, at most three edits) catches typos without suggesting unrelated keys.
        var allowed = Math.Clamp(written.Length / 4, 1, 3);
        return known
            .Select(name => (name, distance: Distance(written.ToUpperInvariant(), name.ToUpperInvariant())))
            .Where(candidate => candidate.distance <= allowed)
            .OrderBy(candidate => candidate.distance)
            .Select(candidate => candidate.name)
            .FirstOrDefault();
    }

    /// <summary>
    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours each cost one,
    /// so <c>Directroy</c> is one edit from <c>Directory</c>.
    /// </summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}

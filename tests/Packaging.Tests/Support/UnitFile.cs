namespace Fedmd.Tests.Packaging.Support;

/// <summary>A systemd unit file read as systemd does for the directives tested here: sections, keys, repeated values.</summary>
public sealed class UnitFile
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    private UnitFile()
    {
    }

    /// <summary>Reads the unit at <paramref name="path"/>; comments and blank lines are ignored.</summary>
    public static UnitFile Read(string path)
    {
        var unit = new UnitFile();
        var section = string.Empty;
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                section = line.Trim('[', ']');
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var key = $"{section}/{line[..equals].Trim()}";
            if (!unit._values.TryGetValue(key, out var list))
            {
                unit._values[key] = list = [];
            }

            list.Add(line[(equals + 1)..].Trim());
        }

        return unit;
    }

    /// <summary>The one value of <c>[section] key</c>; fails when it is missing or repeated.</summary>
    public string Value(string section, string key)
    {
        var values = All(section, key);
        Assert.True(values.Count == 1, $"[{section}] {key} is set {values.Count} times, expected once");
        return values[0];
    }

    /// <summary>Every value of <c>[section] key</c>, in order.</summary>
    public IReadOnlyList<string> All(string section, string key) =>
        _values.TryGetValue($"{section}/{key}", out var list) ? list : [];
}

using System.Globalization;
using System.Text.Json;

namespace Fedmd.Cli.Configuration;

/// <summary>
/// Refuses an environment override that names no option, names a section or list instead of a value, does not
/// convert to its option's type, or adds a list item beyond the next free index (the binder would silently renumber
/// it, and every later message would name another index than the variable).
/// </summary>
internal static class EnvironmentOverrideCheck
{
    /// <summary>
    /// Checks each of <paramref name="overrides"/> against <paramref name="root"/>; <paramref name="file"/> tells the
    /// lists' lengths. Returns each variable's key in the validators' form, by variable name.
    /// </summary>
    /// <exception cref="Fedmd.Metadata.Failures.FedmdException">The first refused variable, naming it (exit 2).</exception>
    public static IReadOnlyDictionary<string, ConfigurationKey> Check(IReadOnlyList<EnvironmentOverride> overrides, OptionsShape root, ConfigurationFile file)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(file);
        var items = new List<ListItem>();
        var keys = new Dictionary<string, ConfigurationKey>(StringComparer.Ordinal);
        foreach (var variable in overrides)
        {
            var (key, problem) = Walk(variable, root, items);
            if (problem is not null)
            {
                throw ConfigurationOrigin.Variable(variable.Variable).Refuse(problem);
            }

            keys[variable.Variable] = key;
        }

        foreach (var list in items.GroupBy(item => item.List.Text, StringComparer.OrdinalIgnoreCase))
        {
            var written = Length(file.Root, list.First().Parts);
            var indices = Enumerable.Range(0, written).Concat(list.Select(item => item.Index)).ToHashSet();
            var next = Enumerable.Range(0, indices.Count + 1).First(i => !indices.Contains(i));
            var beyond = list.Where(item => item.Index > next).OrderBy(item => item.Index).FirstOrDefault();
            if (beyond is not null)
            {
                throw ConfigurationOrigin.Variable(beyond.Variable).Refuse(
                    $"configuration key {beyond.List.Indexed(beyond.Index)} skips an index: the next item of {beyond.List} is {beyond.List.Indexed(next)}");
            }
        }

        return keys;
    }

    private static (ConfigurationKey Key, string? Problem) Walk(EnvironmentOverride variable, OptionsShape root, List<ListItem> items)
    {
        var shape = root;
        var key = ConfigurationKey.Root;
        for (var depth = 0; depth < variable.Parts.Count; depth++)
        {
            var part = variable.Parts[depth];
            switch (shape.Kind)
            {
                case OptionsShapeKind.Value:
                    return (key, ConfigurationProblem.WrongShape(key, shape, $"a section with the key {part}"));
                case OptionsShapeKind.List:
                    if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                    {
                        var first = $"{EnvironmentOverride.Prefix}{string.Join("__", variable.Parts.Take(depth))}__0";
                        return (key, ConfigurationProblem.WrongShape(key, shape, $"a section with the key {part} (its items are numbered from {first})"));
                    }

                    items.Add(new ListItem(variable.Variable, key, variable.Parts.Take(depth).ToList(), index));
                    key = key.Indexed(index);
                    shape = shape.Item;
                    break;
                case OptionsShapeKind.Dictionary:
                    key = key.Named(part);
                    shape = shape.Item;
                    break;
                default:
                    if (!shape.TryGetKey(part, out _, out var child))
                    {
                        return (key, ConfigurationProblem.UnknownKey(key, part, shape));
                    }

                    key = key.Named(part);
                    shape = child;
                    break;
            }
        }

        if (shape.Kind != OptionsShapeKind.Value)
        {
            return (key, ConfigurationProblem.WrongShape(key, shape, "a single value"));
        }

        return (key, ValueConversion.Problem(shape.Type, variable.Value) is { } rule ? ConfigurationProblem.InvalidValue(key, rule) : null);
    }

    /// <summary>How many items the file's list at <paramref name="parts"/> holds (0 when it has none there).</summary>
    private static int Length(JsonElement element, IReadOnlyList<string> parts)
    {
        foreach (var part in parts)
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                var found = element.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, part, StringComparison.OrdinalIgnoreCase));
                if (found.Value.ValueKind == JsonValueKind.Undefined)
                {
                    return 0;
                }

                element = found.Value;
            }
            else if (element.ValueKind == JsonValueKind.Array && int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                && index < element.GetArrayLength())
            {
                element = element[index];
            }
            else
            {
                return 0;
            }
        }

        return element.ValueKind == JsonValueKind.Array ? element.GetArrayLength() : 0;
    }

    /// <summary>A list item an override writes: the variable, the list's key and binder parts, and the index.</summary>
    private sealed record ListItem(string Variable, ConfigurationKey List, IReadOnlyList<string> Parts, int Index);
}

using System.Text.Json;

namespace Fedmd.Cli.Configuration;

/// <summary>
/// Refuses a configuration document whose keys or shapes do not match the options types: an unknown key, a key
/// written twice, a string or object where a list belongs, a list or object where a value belongs, or a value that
/// does not convert to its type. A JSON <c>null</c> is accepted anywhere: the binder reads it as "not set".
/// </summary>
internal static class ConfigurationFileCheck
{
    /// <summary>Checks <paramref name="file"/> against <paramref name="root"/>, the shape of the whole configuration.</summary>
    /// <exception cref="Fedmd.Metadata.Failures.FedmdException">The first mismatch, naming its key (exit 2).</exception>
    public static void Check(ConfigurationFile file, OptionsShape root)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(root);
        var origin = ConfigurationOrigin.File(file.Path);
        if (file.Root.ValueKind != JsonValueKind.Object)
        {
            throw origin.Refuse($"configuration file must hold one JSON object ({{ … }}), not {Found(file.Root)}");
        }

        var problem = Walk(file.Root, root, ConfigurationKey.Root);
        if (problem is not null)
        {
            throw origin.Refuse(problem);
        }
    }

    private static string? Walk(JsonElement element, OptionsShape shape, ConfigurationKey key)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return shape.Kind switch
        {
            OptionsShapeKind.Value => element.ValueKind is JsonValueKind.Object or JsonValueKind.Array
                ? ConfigurationProblem.WrongShape(key, shape, Found(element))
                : ValueConversion.Problem(shape.Type, element.ToString()) is { } rule ? ConfigurationProblem.InvalidValue(key, rule) : null,
            OptionsShapeKind.List => element.ValueKind != JsonValueKind.Array
                ? ConfigurationProblem.WrongShape(key, shape, Found(element))
                : element.EnumerateArray().Select((item, index) => Walk(item, shape.Item, key.Indexed(index))).FirstOrDefault(p => p is not null),
            _ => element.ValueKind != JsonValueKind.Object
                ? ConfigurationProblem.WrongShape(key, shape, Found(element))
                : WalkObject(element, shape, key),
        };
    }

    private static string? WalkObject(JsonElement element, OptionsShape shape, ConfigurationKey key)
    {
        // The provider refuses a key written twice (in any case); say which, before it does so without the key.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var property in element.EnumerateObject())
        {
            if (!seen.Add(property.Name))
            {
                return $"configuration key {key.Named(property.Name)} is written twice";
            }

            OptionsShape child;
            if (shape.Kind == OptionsShapeKind.Dictionary)
            {
                child = shape.Item;
            }
            else if (!shape.TryGetKey(property.Name, out _, out child))
            {
                return ConfigurationProblem.UnknownKey(key, property.Name, shape);
            }

            if (Walk(property.Value, child, key.Named(property.Name)) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string Found(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => $"{element.ToString().ToLowerInvariant()}",
    };
}

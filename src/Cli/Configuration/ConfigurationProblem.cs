namespace Fedmd.Cli.Configuration;

/// <summary>The wording of a refused key, shared by the file's and the environment variables' checks.</summary>
internal static class ConfigurationProblem
{
    /// <summary><paramref name="written"/> is not a key of <paramref name="section"/>; suggests the closest known key.</summary>
    public static string UnknownKey(ConfigurationKey parent, string written, OptionsShape section)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(section);
        var key = parent.Named(written);
        if (string.Equals(key.Text, "Publish:Rollover", StringComparison.OrdinalIgnoreCase))
        {
            return "configuration key Publish:Rollover is retired: the rollover's state lives in the registry's rollover/metadata-signing-key.json; "
                + "remove the key and run `fedmd rollover metadata announce --certificate FILE --switch-at DATE` (docs/rollover.md)";
        }

        var known = section.KeyNames.ToList();
        var closest = KeySuggestion.Closest(written, known);
        if (closest is not null)
        {
            return $"configuration key {key} is not known (did you mean {parent.Named(closest)}?)";
        }

        var where = parent.Text.Length == 0 ? "the top level" : parent.Text;
        return $"configuration key {key} is not known ({where} takes {string.Join(", ", known)})";
    }

    /// <summary><paramref name="key"/> holds <paramref name="found"/> where its options type needs <paramref name="expected"/>.</summary>
    public static string WrongShape(ConfigurationKey key, OptionsShape expected, string found)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var example = expected.Kind switch
        {
            OptionsShapeKind.List => " ([ … ])",
            OptionsShapeKind.Value => string.Empty,
            _ => " ({ … })",
        };
        return $"configuration key {key} must be {expected.Expected}{example}, not {found}";
    }

    /// <summary>The value at <paramref name="key"/> breaks <paramref name="rule"/>, worded as the validators' failures are.</summary>
    public static string InvalidValue(ConfigurationKey key, string rule) => $"configuration {key}: {rule}";
}

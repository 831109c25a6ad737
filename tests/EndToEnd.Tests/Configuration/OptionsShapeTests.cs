using System.ComponentModel;
using System.Globalization;
using Fedmd.Cli.Configuration;

namespace Fedmd.Tests.EndToEnd.Configuration;

/// <summary>The known keys and their shapes come from the options types themselves.</summary>
public sealed class OptionsShapeTests
{
    [Fact]
    public void Sections_lists_and_values_follow_the_options_types()
    {
        var root = OptionsShape.Of(typeof(FedmdOptions));

        Assert.Equal(OptionsShapeKind.Section, root.Kind);
        Assert.True(root.TryGetKey("feeds", out var declared, out var feeds));
        Assert.Equal("Feeds", declared);
        Assert.Equal(OptionsShapeKind.List, feeds.Kind);
        Assert.Equal(OptionsShapeKind.Section, feeds.Item.Kind);
        Assert.True(feeds.Item.TryGetKey("Roles", out _, out var roles));
        Assert.Equal(OptionsShapeKind.List, roles.Kind);
        Assert.Equal(OptionsShapeKind.Value, roles.Item.Kind);
        Assert.True(root.TryGetKey("Publish", out _, out var publish));
        Assert.True(publish.TryGetKey("MirrorRetry", out _, out var retry));
        Assert.True(retry.TryGetKey("Attempts", out _, out var attempts));
        Assert.Equal(OptionsShapeKind.Value, attempts.Kind);
    }

    [Fact]
    public void A_property_without_a_public_setter_is_not_a_key()
    {
        var root = OptionsShape.Of(typeof(FedmdOptions));

        Assert.False(root.TryGetKey(nameof(FedmdOptions.IsDevelopment), out _, out _));
        Assert.DoesNotContain(nameof(FedmdOptions.IsDevelopment), root.KeyNames);
    }

    [Fact]
    public void A_type_converted_from_a_string_is_a_value_and_a_dictionary_takes_any_name()
    {
        var shape = OptionsShape.Of(typeof(ConvertedOptions));

        Assert.True(shape.TryGetKey(nameof(ConvertedOptions.Window), out _, out var window));
        Assert.Equal(OptionsShapeKind.Value, window.Kind);
        Assert.True(shape.TryGetKey(nameof(ConvertedOptions.Limits), out _, out var limits));
        Assert.Equal(OptionsShapeKind.Dictionary, limits.Kind);
        Assert.Equal(OptionsShapeKind.Value, limits.Item.Kind);
    }

    [Fact]
    public void A_file_is_checked_through_a_dictionary_and_a_converted_value()
    {
        using var directory = new Fedmd.TestSupport.TemporaryDirectory();
        var path = directory.Combine("options.json");
        var shape = OptionsShape.Of(typeof(ConvertedOptions));

        File.WriteAllText(path, """{ "Window": "3 days", "Limits": { "anything": 1, "else": 2 } }""");
        ConfigurationFileCheck.Check(ConfigurationFile.Read(path), shape);

        File.WriteAllText(path, """{ "Window": "soon" }""");
        var refused = Assert.Throws<Fedmd.Metadata.Failures.FedmdException>(() => ConfigurationFileCheck.Check(ConfigurationFile.Read(path), shape));
        Assert.Equal($"configuration Window: 'soon' is not a number of days (in {path})", refused.Message);

        File.WriteAllText(path, """{ "Limits": { "anything": { "Nested": 1 } } }""");
        refused = Assert.Throws<Fedmd.Metadata.Failures.FedmdException>(() => ConfigurationFileCheck.Check(ConfigurationFile.Read(path), shape));
        Assert.Equal($"configuration key Limits:anything must be a single value, not an object (in {path})", refused.Message);
    }

    /// <summary>Options of the shapes fedmd's own options do not use yet.</summary>
    private sealed class ConvertedOptions
    {
        public Days Window { get; set; } = new(1);

        public Dictionary<string, int> Limits { get; set; } = [];
    }

    [TypeConverter(typeof(DaysConverter))]
    private sealed record Days(int Count);

    private sealed class DaysConverter : TypeConverter
    {
        public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) => sourceType == typeof(string);

        public override object ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value)
        {
            var text = (string)value;
            return text.EndsWith(" days", StringComparison.Ordinal) && int.TryParse(text[..^5], CultureInfo.InvariantCulture, out var count)
                ? new Days(count)
                : throw new FormatException($"'{text}' is not a number of days");
        }
    }
}

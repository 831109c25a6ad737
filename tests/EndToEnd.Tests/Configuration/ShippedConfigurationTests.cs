using System.Collections;
using System.Text.RegularExpressions;
using Fedmd.Cli.Configuration;
using Fedmd.TestSupport;

namespace Fedmd.Tests.EndToEnd.Configuration;

/// <summary>The configurations the project ships and documents pass the strict checks.</summary>
public sealed partial class ShippedConfigurationTests
{
    [Fact]
    public void The_development_configuration_loads()
    {
        var options = ConfigurationLoader.Load(RepositoryRoot.Combine("fedmd.json"), new Hashtable());

        Assert.Equal(2, options.Feeds.Count);
        Assert.Single(options.Feeds[1].EntityAttributes!);
    }

    public static TheoryData<string, int> DocumentedConfigurations()
    {
        var data = new TheoryData<string, int>();
        foreach (var (file, index, _) in Snippets())
        {
            data.Add(file, index);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DocumentedConfigurations))]
    public void Every_configuration_snippet_in_the_documentation_uses_known_keys_of_the_right_shape(string file, int index)
    {
        var snippet = Snippets().Single(s => s.File == file && s.Index == index).Json;
        using var directory = new TemporaryDirectory();
        var path = directory.Combine("snippet.json");
        File.WriteAllText(path, snippet);

        ConfigurationFileCheck.Check(ConfigurationFile.Read(path), OptionsShape.Of(typeof(FedmdOptions)));
    }

    [Fact]
    public void The_documentation_has_configuration_snippets_to_check()
    {
        Assert.Contains(Snippets(), s => s.File == "docs/sources.md");
        Assert.Contains(Snippets(), s => s.File == "docs/publishing.md");
    }

    /// <summary>
    /// The README's and docs' ```json blocks that are configuration (their first key is a top-level option), as whole
    /// files: a fragment is wrapped in braces and an elided list (<c>[ … ]</c>, <c>[...]</c>) read as empty.
    /// </summary>
    private static IEnumerable<(string File, int Index, string Json)> Snippets()
    {
        var topLevel = OptionsShape.Of(typeof(FedmdOptions)).KeyNames.ToHashSet(StringComparer.Ordinal);
        var files = Directory.GetFiles(RepositoryRoot.Combine("docs"), "*.md").Append(RepositoryRoot.Combine("README.md")).Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var blocks = JsonBlock().Matches(File.ReadAllText(file));
            for (var index = 0; index < blocks.Count; index++)
            {
                var text = blocks[index].Groups[1].Value.Trim();
                var first = FirstKey().Match(text);
                if (first.Success && topLevel.Contains(first.Groups[1].Value))
                {
                    var json = ElidedList().Replace(text, "[]");
                    yield return (Path.GetRelativePath(RepositoryRoot.Path, file), index, json.StartsWith('{') ? json : "{" + json + "}");
                }
            }
        }
    }

    [GeneratedRegex(@"```json\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    [GeneratedRegex(@"^\{?\s*""(\w+)""\s*:")]
    private static partial Regex FirstKey();

    [GeneratedRegex(@"\[\s*(?:…|\.\.\.)\s*\]")]
    private static partial Regex ElidedList();
}

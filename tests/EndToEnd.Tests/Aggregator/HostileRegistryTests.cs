using Fedmd.TestSupport;
using Fedmd.TestSupport.SoftHsm;

namespace Fedmd.Tests.EndToEnd.Aggregator;

/// <summary>
/// A registry holding what an attacker or a careless participant would put there (an entity nested 65 levels deep, a
/// look-alike of a registered entityID, links to a system file and to an entity outside the registry, a directory named
/// like an entity file): <c>check</c> and <c>run --once</c> agree, each costs only itself, and the rest is published.
/// </summary>
public sealed class HostileRegistryTests : IDisposable
{
    private static readonly TestToken Token = TestHsm.CreateToken("hostile");

    private readonly AggregatorWorkspace _workspace = new(Token);
    private readonly TemporaryDirectory _outside = new();

    private static readonly (string File, string Rule)[] Refused =
    [
        ("deep.xml", "entity.structure"),
        ("cyrillic-a.xml", "entityid.mixed-script"),
        ("cyrillic-a.xml", "entityid.near-duplicate"),
        ("right-to-left-override.xml", "entityid.invisible"),
        ("passwd.xml", "registry.symlink"),
        ("outside.xml", "registry.symlink"),
        ("directory.xml", "registry.not-a-file"),
    ];

    public HostileRegistryTests()
    {
        _workspace.AddSamples(AggregatorWorkspace.AllSampleNames());
        var registry = _workspace.Registry;
        File.WriteAllText(Path.Combine(registry, "deep.xml"),
            HostileEntities.Deep("sp-wiki.xml", 65).Replace(HostileEntities.WikiEntityId, "https://deep.example.ac.za/shibboleth", StringComparison.Ordinal));
        foreach (var name in new[] { "cyrillic-a.xml", "right-to-left-override.xml" })
        {
            File.WriteAllText(Path.Combine(registry, name), HostileEntities.WithEntityId("sp-wiki.xml", HostileEntities.WikiLookAlikes[name]));
        }

        File.CreateSymbolicLink(Path.Combine(registry, "passwd.xml"), "/etc/passwd");
        var outside = _outside.Combine("outside-entity.xml");
        File.WriteAllText(outside, HostileEntities.WithEntityId("sp-wiki.xml", "https://outside.example.ac.za/shibboleth"));
        File.CreateSymbolicLink(Path.Combine(registry, "outside.xml"), outside);
        Directory.CreateDirectory(Path.Combine(registry, "directory.xml"));
    }

    [Fact]
    public void Check_names_every_refused_file_with_its_rule_and_accepts_the_samples()
    {
        var result = _workspace.Run("check");

        Assert.True(result.ExitCode == 1, result.Output);
        var samples = AggregatorWorkspace.AllSampleNames().Length;
        Assert.Contains($"{samples + 6} read, {samples} accepted", result.StandardOutput, StringComparison.Ordinal);
        AssertNamesEveryRefusal(result.StandardOutput);
    }

    [Fact]
    public void Run_once_publishes_every_sample_and_reports_each_refused_file_with_its_rule()
    {
        var result = _workspace.Run("run", "--once");

        Assert.True(result.ExitCode == 0, result.Output);
        var published = _workspace.EntityIds("federation-metadata.xml");
        Assert.Equal(AggregatorWorkspace.AllSampleNames().Length, published.Count);
        Assert.Contains(HostileEntities.WikiEntityId, published);
        Assert.DoesNotContain("https://outside.example.ac.za/shibboleth", published);
        Assert.DoesNotContain("https://deep.example.ac.za/shibboleth", published);
        Assert.True(IndependentVerifiers.Xmlsec1Accepts(_workspace.Published("federation-metadata.xml"), Token.CertificateFile));
        var report = File.ReadAllText(_workspace.Published("report.txt"));
        AssertNamesEveryRefusal(report);
        Assert.DoesNotContain("root:x:0:0", report, StringComparison.Ordinal);
    }

    private void AssertNamesEveryRefusal(string text)
    {
        // The report lists each rejected file on its own line, its findings indented below it.
        var lines = text.Split('\n');
        foreach (var (file, rule) in Refused)
        {
            var at = Array.FindIndex(lines, l => l.StartsWith("  " + Path.Combine(_workspace.Registry, file), StringComparison.Ordinal));
            Assert.True(at >= 0, $"{file} is not reported:\n{text}");
            var findings = lines.Skip(at + 1).TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal));
            Assert.True(findings.Any(f => f.Contains($"error [{rule}]", StringComparison.Ordinal)), $"{file} is not reported with [{rule}]:\n{text}");
        }
    }

    public void Dispose()
    {
        _workspace.Dispose();
        _outside.Dispose();
    }
}

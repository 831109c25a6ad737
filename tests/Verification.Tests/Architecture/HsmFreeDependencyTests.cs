using System.Text.Json;
using System.Xml.Linq;
using Fedmd.TestSupport;

namespace Fedmd.Tests.Verification.Architecture;

/// <summary>
/// A participant who only fetches, the publisher, the aggregator and the pass must not carry the HSM stack: neither Fedmd.Signer
/// nor Pkcs11Interop may reach them, directly or through any other reference.
/// </summary>
public sealed class HsmFreeDependencyTests
{
    private static readonly string[] HsmStack = ["Fedmd.Signer", "Pkcs11Interop"];

    /// <summary>The projects allowed to name the HSM stack: the signer itself, the key lifecycle (keys on the token) and the host that wires them.</summary>
    private static readonly string[] HsmProjects = ["Signer", "KeyLifecycle", "Cli"];

    public static TheoryData<string> HsmFreeProjects => ["Verification", "Fetcher", "Publisher", "Aggregator", "Pass"];

    /// <summary>
    /// Reads the restore's resolved closure (<c>project.assets.json</c>, what <c>dotnet list package
    /// --include-transitive</c> shows and what a publish deploys): every package and project the project reaches.
    /// </summary>
    [Theory]
    [MemberData(nameof(HsmFreeProjects))]
    public void The_resolved_dependency_closure_holds_neither_the_signer_nor_pkcs11interop(string project)
    {
        var closure = ResolvedClosure(project);

        Assert.Contains("Fedmd.Metadata", closure);
        Assert.DoesNotContain(closure, library => HsmStack.Contains(library, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Only_the_signer_and_the_host_name_the_signer_or_pkcs11interop_in_a_project_file()
    {
        var projects = Directory.GetFiles(RepositoryRoot.Combine("src"), "*.csproj", SearchOption.AllDirectories);

        var offenders = projects
            .Where(path => !HsmProjects.Contains(Path.GetFileNameWithoutExtension(path), StringComparer.Ordinal))
            .SelectMany(path => References(path).Where(NamesHsmStack).Select(reference => $"{Path.GetFileName(path)} -> {reference}"))
            .ToList();

        Assert.True(projects.Length > HsmProjects.Length, "no project files found under src/");
        Assert.Empty(offenders);
    }

    private static List<string> ResolvedClosure(string project)
    {
        var assets = RepositoryRoot.Combine("src", project, "obj", "project.assets.json");
        Assert.True(File.Exists(assets), $"{assets} is missing: restore the solution before running the tests");
        using var document = JsonDocument.Parse(File.ReadAllBytes(assets));
        return document.RootElement.GetProperty("targets").EnumerateObject()
            .SelectMany(target => target.Value.EnumerateObject())
            .Select(library => library.Name.Split('/')[0])
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static IEnumerable<string> References(string projectFile) =>
        XDocument.Load(projectFile).Descendants()
            .Where(e => e.Name.LocalName is "ProjectReference" or "PackageReference")
            .Select(e => (string?)e.Attribute("Include") ?? string.Empty);

    private static bool NamesHsmStack(string reference) =>
        reference.Contains("Signer", StringComparison.OrdinalIgnoreCase) || reference.Contains("Pkcs11Interop", StringComparison.OrdinalIgnoreCase);
}

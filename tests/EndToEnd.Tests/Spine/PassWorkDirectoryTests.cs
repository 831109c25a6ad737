using Fedmd.Tests.EndToEnd.Support;
using Fedmd.TestSupport;

namespace Fedmd.Tests.EndToEnd.Spine;

/// <summary>
/// A pass keeps its entity bytes and feeds in a work directory inside the state directory, not in memory, and leaves
/// nothing of it behind: not after a publication, not after a refusal, and not what a killed pass left.
/// </summary>
public sealed class PassWorkDirectoryTests
{
    [Fact]
    public void A_pass_removes_what_a_killed_pass_left_and_leaves_no_work_directory_of_its_own()
    {
        using var environment = new PassEnvironment();
        var state = environment.Combine("state");
        var left = Path.Combine(state, "pass-work-0123456789abcdef");
        Directory.CreateDirectory(left);
        File.WriteAllText(Path.Combine(left, "federation-metadata.xml.unsigned"), "half a feed");

        var result = environment.Fedmd("run", "--once");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Empty(Directory.EnumerateFileSystemEntries(state, "pass-work-*"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(state, ".entity-spool-*"));
        Assert.True(IndependentVerifiers.Xmlsec1Accepts(environment.PublishedFeed, environment.PublishedCertificate));
    }

    [Fact]
    public void A_refused_pass_leaves_no_work_directory_and_the_previous_publication_untouched()
    {
        using var environment = new PassEnvironment();
        Assert.Equal(0, environment.Fedmd("run", "--once").ExitCode);
        var before = File.ReadAllBytes(environment.PublishedFeed);
        foreach (var file in Directory.GetFiles(environment.RegistryDirectory))
        {
            File.WriteAllText(file, "broken");
        }

        var refused = environment.Fedmd("run", "--once");

        Assert.Equal(1, refused.ExitCode);
        Assert.Empty(Directory.EnumerateFileSystemEntries(environment.Combine("state"), "pass-work-*"));
        Assert.Equal(before, File.ReadAllBytes(environment.PublishedFeed));
    }
}

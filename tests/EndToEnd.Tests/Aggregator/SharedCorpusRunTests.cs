using Fedmd.TestSupport;
using Fedmd.TestSupport.SoftHsm;

namespace Fedmd.Tests.EndToEnd.Aggregator;

/// <summary>The real-world corpus, split into entity files, through <c>check</c> and <c>run --once</c>.</summary>
public class SharedCorpusRunTests
{
    private static readonly TestToken Token = TestHsm.CreateToken("corpus");

    [SharedCorpusFact]
    public void Check_and_run_judge_every_real_entity_without_crashing_and_publish_the_good_ones()
    {
        using var workspace = new AggregatorWorkspace(Token, feeds: new[] { new { Name = "https://fedmd.example.ac.za/metadata", FileName = "federation-metadata.xml" } });
        var files = CorpusSplitter.Split(SharedCorpus.Root, workspace.Registry);

        var check = workspace.Run("check");
        var run = workspace.Run("run", "--once");

        Assert.True(check.ExitCode == 1, check.Output);
        Assert.Contains($"Entities: {files} read", check.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("pipeline.stage-failure", check.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", check.Output, StringComparison.Ordinal);
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.NotEmpty(workspace.EntityIds("federation-metadata.xml"));
        Assert.True(IndependentVerifiers.Xmlsec1Accepts(workspace.Published("federation-metadata.xml"), Token.CertificateFile));
    }
}

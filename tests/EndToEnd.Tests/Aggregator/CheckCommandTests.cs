using Fedmd.TestSupport.SoftHsm;

namespace Fedmd.Tests.EndToEnd.Aggregator;

public class CheckCommandTests
{
    private static readonly TestToken Token = TestHsm.CreateToken("check");

    [Fact]
    public void A_good_registry_exits_0()
    {
        using var workspace = new AggregatorWorkspace(Token);
        workspace.AddSamples(AggregatorWorkspace.AllSampleNames());

        var result = workspace.Run("check");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("14 read, 14 accepted", result.StandardOutput, StringComparison.Ordinal);
        Assert.False(Directory.Exists(workspace.Publish));
        Assert.False(File.Exists(workspace.Ledger));
    }

    [Fact]
    public void A_mixed_registry_exits_1_naming_every_rejected_file_and_its_rule()
    {
        using var workspace = new AggregatorWorkspace(Token);
        workspace.AddSamples("idp-uni-a.xml", "sp-library.xml");
        workspace.AddBad("http-endpoint.xml", "not-xml.xml", "weak-key.xml");
        var reports = Path.Combine(workspace.State, "check-report");

        var result = workspace.Run("check", "--report-dir", reports);

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Contains("http-endpoint.xml", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("[endpoint.https]", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("not-xml.xml", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("[xml.well-formed]", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("[key.strength]", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"rejected\"", File.ReadAllText(Path.Combine(reports, "report.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void One_file_can_be_checked_and_a_missing_path_is_a_usage_error()
    {
        using var workspace = new AggregatorWorkspace(Token);

        var good = workspace.Run("check", "--entities", Fedmd.TestSupport.RepositoryRoot.Combine("metadata-samples", "sp-wiki.xml"));
        var bad = workspace.Run("check", "--entities", Fedmd.TestSupport.RepositoryRoot.Combine("metadata-samples", "bad", "missing-scope.xml"));
        var missing = workspace.Run("check", "--entities", "/nonexistent/registry");

        Assert.True(good.ExitCode == 0, good.Output);
        Assert.True(bad.ExitCode == 1, bad.Output);
        Assert.Contains("[idp.scope-present]", bad.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
    }
}

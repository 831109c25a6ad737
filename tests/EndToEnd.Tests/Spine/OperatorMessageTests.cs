using Fedmd.TestSupport;

namespace Fedmd.Tests.EndToEnd.Spine;

/// <summary>What an operator gets instead of a raw .NET message: one line naming the path, the setting and the fix.</summary>
public sealed class OperatorMessageTests
{
    [Fact]
    public void Fetch_out_naming_a_directory_is_a_usage_error_that_says_so()
    {
        using var directory = new TemporaryDirectory();

        var result = FedmdCli.Run(["fetch", "--url", "https://127.0.0.1:1/metadata.xml", "--fingerprint", "SHA256:" + new string('a', 64), "--out", directory.Path]);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StandardError.Trim().Split('\n'));
        Assert.Contains($"--out {directory.Path} is a directory", line, StringComparison.Ordinal);
    }
}

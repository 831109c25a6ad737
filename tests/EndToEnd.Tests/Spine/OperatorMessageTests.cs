using System.Text.Json.Nodes;
using Fedmd.Tests.EndToEnd.Support;
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

    [Fact]
    public void A_publish_dir_naming_a_file_is_refused_before_anything_is_signed()
    {
        using var environment = new PassEnvironment(c => c["Signing"]!["AuditLog"] = JsonValue.Create("audit.jsonl"));
        var file = environment.Combine("not-a-directory");
        File.WriteAllText(file, "x");

        var result = environment.Fedmd("run", "--once", "--publish-dir", file);

        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.StandardError.Trim().Split('\n'), l => l.StartsWith("fedmd: ", StringComparison.Ordinal));
        Assert.Contains(file, line, StringComparison.Ordinal);
        Assert.Contains("is a file, not a directory", line, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(environment.Combine(), "*audit*", SearchOption.AllDirectories));
    }
}

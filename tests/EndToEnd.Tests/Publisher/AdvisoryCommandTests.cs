using Fedmd.TestSupport;
using Fedmd.TestSupport.SoftHsm;

namespace Fedmd.Tests.EndToEnd.Publisher;

public sealed class AdvisoryCommandTests : IDisposable
{
    private static readonly TestToken Token = TestHsm.CreateToken("e2e-advisory");
    private readonly TemporaryDirectory _directory = new();

    [Fact]
    public void Advisory_publish_writes_the_page_the_fingerprint_page_links_to_and_keeps_a_dated_copy()
    {
        var configuration = new PublisherConfiguration(_directory, Token);
        var text = _directory.Combine("advisory.txt");
        File.WriteAllText(text, "Key compromise <2026-11-22>: remove the old certificate & pin the new one.\n");

        var result = FedmdCli.Run(["advisory", "publish", "--file", text, "--config", configuration.File]);

        Assert.True(result.ExitCode == 0, result.Output);
        var page = File.ReadAllText(Path.Combine(configuration.WebRoot, "advisory.html"));
        Assert.Contains("Key compromise &lt;2026-11-22&gt;: remove the old certificate &amp; pin the new one.", page, StringComparison.Ordinal);
        Assert.Contains("href=\"fingerprint.html\"", page, StringComparison.Ordinal);
        Assert.Equal(page, File.ReadAllText(Assert.Single(Directory.GetFiles(Path.Combine(configuration.WebRoot, "history", "advisories")))));
        Assert.True(File.GetUnixFileMode(Path.Combine(configuration.WebRoot, "advisory.html")).HasFlag(UnixFileMode.OtherRead));
    }

    [Fact]
    public void A_later_pass_keeps_the_published_advisory_and_links_it()
    {
        var configuration = new PublisherConfiguration(_directory, Token);
        var text = _directory.Combine("advisory.txt");
        File.WriteAllText(text, "Rotate now.\n");
        Assert.Equal(0, FedmdCli.Run(["advisory", "publish", "--file", text, "--config", configuration.File]).ExitCode);

        var pass = FedmdCli.Run(["run", "--once", "--config", configuration.File]);

        Assert.True(pass.ExitCode == 0, pass.Output);
        Assert.Contains("Rotate now.", File.ReadAllText(Path.Combine(configuration.WebRoot, "advisory.html")), StringComparison.Ordinal);
        Assert.Contains("<a href=\"advisory.html\">", File.ReadAllText(Path.Combine(configuration.WebRoot, "fingerprint.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_advisory_file_is_a_usage_error()
    {
        var configuration = new PublisherConfiguration(_directory, Token);

        var result = FedmdCli.Run(["advisory", "publish", "--file", _directory.Combine("nope.txt"), "--config", configuration.File]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nope.txt does not exist", result.StandardError, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();
}

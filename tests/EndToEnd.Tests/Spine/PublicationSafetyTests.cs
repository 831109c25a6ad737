using Fedmd.Tests.EndToEnd.Support;
using Fedmd.TestSupport;

namespace Fedmd.Tests.EndToEnd.Spine;

/// <summary>Bad input costs one entity, never the run; a failed run never replaces a good publication.</summary>
public sealed class PublicationSafetyTests
{
    [Fact]
    public void Broken_files_in_the_registry_are_skipped_with_reasons_and_the_rest_is_published()
    {
        using var environment = new PassEnvironment();
        foreach (var name in new[] { "not-xml.xml", "empty.xml", "billion-laughs.xml", "dtd-external-entity.xml", "wrong-root.xml", "two-entities.xml", "relative-entityid.xml", "duplicate-entityid.xml" })
        {
            File.Copy(RepositoryRoot.Combine("metadata-samples", "bad", name), Path.Combine(environment.RegistryDirectory, "zz-" + name));
        }

        var result = environment.Fedmd("run", "--once");

        Assert.True(result.ExitCode == 0, result.Output);
        foreach (var rule in new[] { "xml.well-formed", "xml.dtd", "xml.root", "entityid.syntax", "entityid.unique" })
        {
            Assert.Contains($"[{rule}]", result.StandardOutput, StringComparison.Ordinal);
        }

        Assert.Contains("zz-not-xml.xml", result.StandardOutput, StringComparison.Ordinal);
        Assert.True(IndependentVerifiers.Xmlsec1Accepts(environment.PublishedFeed, environment.PublishedCertificate));
        var published = File.ReadAllText(environment.PublishedFeed);
        Assert.DoesNotContain("idp-without-scheme", published, StringComparison.Ordinal);
        Assert.DoesNotContain("https://idp.uni-a.example.ac.za/idp/shibboleth\"", published, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_with_nothing_to_publish_exits_1_and_leaves_the_previous_publication_untouched()
    {
        using var environment = new PassEnvironment();
        var first = environment.Fedmd("run", "--once");
        Assert.True(first.ExitCode == 0, first.Output);
        var before = File.ReadAllBytes(environment.PublishedFeed);

        foreach (var file in Directory.GetFiles(environment.RegistryDirectory))
        {
            File.WriteAllText(file, "broken");
        }

        var second = environment.Fedmd("run", "--once");

        Assert.Equal(1, second.ExitCode);
        Assert.Contains("refusing to publish", second.StandardError, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(environment.PublishedFeed));
    }

    [Fact]
    public void A_run_whose_key_does_not_match_the_certificate_refuses_to_start_and_publishes_nothing()
    {
        using var environment = new PassEnvironment();
        var (_, stranger) = TestCertificates.CreateRsa("stranger");
        TestCertificates.WritePem(stranger, environment.Token.CertificateFile);

        var result = environment.Fedmd("run", "--once");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("does not hold the public key", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(environment.PublishedFeed));
    }

    [Fact]
    public void A_second_pass_while_one_is_running_exits_3_and_publishes_nothing()
    {
        using var environment = new PassEnvironment();
        using var running = new Fedmd.Pass.State.FileStateStore(environment.Combine("state"), null, "signing-audit.jsonl").Acquire();

        var result = environment.Fedmd("run", "--once");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("another pass is running", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(environment.PublishedFeed));
    }

    [Fact]
    public void Deleting_the_published_report_does_not_disable_the_drop_guard()
    {
        using var environment = new PassEnvironment();
        Assert.Equal(0, environment.Fedmd("run", "--once").ExitCode);
        var before = File.ReadAllBytes(environment.PublishedFeed);
        File.Delete(Path.Combine(environment.PublishDirectory, "report.json"));
        foreach (var file in Directory.GetFiles(environment.RegistryDirectory, "sp-*.xml"))
        {
            File.Delete(file);
        }

        var result = environment.Fedmd("run", "--once");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--allow-drop", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(environment.PublishedFeed));
    }
}

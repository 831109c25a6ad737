using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Fedmd.Tests.EndToEnd.Support;
using Fedmd.TestSupport;

namespace Fedmd.Tests.EndToEnd.Monitoring;

/// <summary><c>fedmd status</c> over a fresh publication: the Nagios line and exit codes, the JSON report, the thresholds.</summary>
public sealed partial class StatusCommandTests : IClassFixture<StatusCommandTests.Published>
{
    private readonly Published _published;

    public StatusCommandTests(Published published) => _published = published;

    [Fact]
    public void A_fresh_publication_is_OK_with_performance_data_for_each_feed_and_the_certificate()
    {
        var result = _published.Environment.Fedmd("status", "--nagios");

        Assert.True(result.ExitCode == 0, result.Output);
        var line = Assert.Single(result.StandardOutput.TrimEnd('\n').Split('\n'));
        Assert.Matches(NagiosOk(), line);
        // Time left alerts below its thresholds ("N:"), with the defaults P3D and P1D in seconds.
        Assert.Contains("'federation-metadata.xml@local_valid_until'=", line, StringComparison.Ordinal);
        Assert.Contains("s;259200:;86400:", line, StringComparison.Ordinal);
        Assert.Contains($"'federation-metadata.xml@local_entities'={_published.EntityCount};;", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_validUntil_closer_than_the_warning_threshold_is_WARNING_naming_the_feed()
    {
        // The feed holds P10D; a warning threshold of P11D is already crossed, the critical P1D is not.
        var configuration = WithMonitoring(new JsonObject { ["ValidUntilWarning"] = "P11D", ["ValidUntilCritical"] = "P1D" });

        var result = FedmdCli.Run(["--config", configuration, "status", "--nagios"]);

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.StartsWith("FEDMD WARNING - WARNING federation-metadata.xml@local: ", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("validUntil in 10 d", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_inside_the_critical_days_is_CRITICAL()
    {
        var configuration = WithMonitoring(new JsonObject { ["CertificateWarningDays"] = 3650, ["CertificateCriticalDays"] = 3650 });

        var result = FedmdCli.Run(["--config", configuration, "status", "--nagios"]);

        Assert.True(result.ExitCode == 2, result.Output);
        Assert.StartsWith("FEDMD CRITICAL - CRITICAL certificate: ", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Thresholds_in_the_wrong_order_are_a_configuration_error_naming_the_key()
    {
        var configuration = WithMonitoring(new JsonObject { ["PublicationAgeWarning"] = "PT12H", ["PublicationAgeCritical"] = "PT1H" });

        var result = FedmdCli.Run(["--config", configuration, "status", "--nagios"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Monitoring:PublicationAgeCritical", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_report_names_every_check_with_its_status_values_and_details()
    {
        var result = _published.Environment.Fedmd("status", "--json");

        Assert.True(result.ExitCode == 0, result.Output);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var root = json.RootElement;
        Assert.Equal("OK", root.GetProperty("status").GetString());
        Assert.Equal(0, root.GetProperty("exitCode").GetInt32());
        Assert.True(DateTimeOffset.UtcNow - root.GetProperty("checkedAt").GetDateTimeOffset() < TimeSpan.FromMinutes(5));
        var checks = root.GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal(["feed", "certificate", "hsm", "pin-latch", "audit", "last-pass"], checks.Select(c => c.GetProperty("check").GetString()!));
        Assert.All(checks, c => Assert.Equal("OK", c.GetProperty("status").GetString()));

        var feed = checks[0];
        Assert.Equal("federation-metadata.xml@local", feed.GetProperty("subject").GetString());
        Assert.Equal(_published.EntityCount, feed.GetProperty("values").GetProperty("federation-metadata.xml@local_entities").GetInt32());
        var left = feed.GetProperty("values").GetProperty("federation-metadata.xml@local_valid_until").GetDouble();
        Assert.InRange(left, TimeSpan.FromDays(10).TotalSeconds - 3600, TimeSpan.FromDays(10).TotalSeconds);
        Assert.InRange(feed.GetProperty("values").GetProperty("federation-metadata.xml@local_age").GetDouble(), 0, 3600);
        Assert.Equal(_published.Environment.PublishedFeed, feed.GetProperty("details").GetProperty("location").GetString());
        Assert.Equal("0", checks[5].GetProperty("details").GetProperty("exitCode").GetString());
    }

    [Fact]
    public void The_text_report_ends_with_the_overall_state()
    {
        var result = _published.Environment.Fedmd("status", "--skip-hsm");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.DoesNotContain("hsm", result.StandardOutput, StringComparison.Ordinal);
        Assert.EndsWith("overall: OK\n", result.StandardOutput, StringComparison.Ordinal);
    }

    private string WithMonitoring(JsonObject monitoring)
    {
        var configuration = JsonNode.Parse(File.ReadAllText(_published.Environment.ConfigFile))!.AsObject();
        configuration["Monitoring"] = monitoring;
        return TestConfiguration.Write(configuration, _published.Environment.Combine($"status-{Guid.NewGuid():N}.json"));
    }

    [GeneratedRegex(@"^FEDMD OK - 6 checks OK\|('[^']+'=-?[0-9.]+s?;[0-9.:]*;[0-9.:]* ?)+$")]
    private static partial Regex NagiosOk();

    /// <summary>One environment, published once by <c>run --once</c>; the tests only read it.</summary>
    public sealed class Published : IDisposable
    {
        public Published()
        {
            Environment = new PassEnvironment();
            var run = Environment.Fedmd("run", "--once");
            Assert.True(run.ExitCode == 0, run.Output);
            EntityCount = Directory.GetFiles(Environment.RegistryDirectory, "*.xml").Length;
        }

        public PassEnvironment Environment { get; }

        public int EntityCount { get; }

        public void Dispose() => Environment.Dispose();
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using Fedmd.KeyLifecycle.Metadata;

namespace Fedmd.Tests.KeyLifecycle.Metadata;

/// <summary>Who fetched a default feed during the announcement but never its next-key version, from nginx's combined log.</summary>
public sealed class MetadataStragglerTests
{
    private static readonly DateTimeOffset Announced = new(2027, 2, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_combined_log_line_gives_address_time_path_status_and_user_agent()
    {
        var entry = CombinedLogFormat.Parse(
            "2001:db8::7 - - [03/Feb/2027:14:05:09 +0200] \"GET /federation-metadata.xml?x=1 HTTP/1.1\" 304 0 \"-\" \"Shibboleth-SP/3.4 \\x22quoted\\x22\"");

        Assert.NotNull(entry);
        Assert.Equal("2001:db8::7", entry.Address);
        Assert.Equal(new DateTimeOffset(2027, 2, 3, 12, 5, 9, TimeSpan.Zero), entry.Time);
        Assert.Equal("/federation-metadata.xml", entry.Path);
        Assert.Equal(304, entry.Status);
        Assert.True(entry.Fetched);
        Assert.Equal("Shibboleth-SP/3.4 \"quoted\"", entry.UserAgent);
        Assert.Null(CombinedLogFormat.Parse("not an access log line"));
    }

    [Fact]
    public void Only_clients_that_fetched_a_default_feed_in_the_window_and_never_its_next_version_are_stragglers()
    {
        var log = new[]
        {
            Line("192.0.2.1", Announced.AddHours(1), "/federation-metadata.xml", 200, "Shibboleth-SP/3.4"),
            Line("192.0.2.1", Announced.AddHours(5), "/federation-metadata.xml", 304, "Shibboleth-SP/3.4"),
            Line("192.0.2.2", Announced.AddHours(2), "/federation-metadata.xml", 200, "SimpleSAMLphp"),
            Line("192.0.2.2", Announced.AddHours(3), "/federation-metadata-next.xml", 200, "SimpleSAMLphp"),
            Line("192.0.2.3", Announced.AddHours(-1), "/federation-metadata.xml", 200, "before the announcement"),
            Line("192.0.2.4", Announced.AddHours(2), "/federation-metadata.xml", 404, "not served"),
            Line("192.0.2.5", Announced.AddHours(2), "/idp-proxies.xml", 200, "proxy"),
            Line("192.0.2.5", Announced.AddHours(2), "/federation-metadata-next.xml", 200, "proxy"),
        }.Select(CombinedLogFormat.Parse).OfType<AccessLogEntry>();

        var found = StragglerFinder.Find(log, ["federation-metadata.xml", "idp-proxies.xml"], Announced, Announced.AddDays(1));

        Assert.Equal(
            [("192.0.2.1", "Shibboleth-SP/3.4", "federation-metadata.xml", Announced.AddHours(5), 2), ("192.0.2.5", "proxy", "idp-proxies.xml", Announced.AddHours(2), 1)],
            found.Select(s => (s.Address, s.UserAgent, s.Feed, s.LastFetch, s.Fetches)));
    }

    [Fact]
    public void The_command_lists_the_stragglers_of_a_crafted_access_log_as_json()
    {
        using var workspace = new MetadataRolloverWorkspace();
        Assert.Equal(0, workspace.Fedmd("rollover", "metadata", "announce", "--switch-at", "2031-01-01T00:00:00Z", "--certificate", workspace.NextCertificateFile).ExitCode);
        var announcedAt = DateTimeOffset.Parse(JsonNode.Parse(File.ReadAllText(workspace.StateFile))!["announcedAt"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var during = announcedAt.AddSeconds(1);
        Thread.Sleep(TimeSpan.FromSeconds(2));
        var accessLog = workspace.Combine("access.log");
        File.WriteAllLines(accessLog,
        [
            Line("198.51.100.7", during, "/federation-metadata.xml", 200, "Shibboleth-SP/3.4"),
            Line("198.51.100.8", during, "/federation-metadata.xml", 200, "ready"),
            Line("198.51.100.8", during, "/federation-metadata-next.xml", 200, "ready"),
            "garbage",
        ]);

        var result = workspace.Fedmd("rollover", "metadata", "stragglers", "--access-log", accessLog, "--json");

        Assert.True(result.ExitCode == 0, result.Output);
        var report = JsonNode.Parse(result.StandardOutput)!;
        var straggler = Assert.Single(report["stragglers"]!.AsArray())!;
        Assert.Equal("198.51.100.7", straggler["address"]!.GetValue<string>());
        Assert.Equal("Shibboleth-SP/3.4", straggler["userAgent"]!.GetValue<string>());
        Assert.Equal("federation-metadata.xml", straggler["feed"]!.GetValue<string>());
        Assert.Equal(during.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), straggler["lastFetch"]!.GetValue<string>());
        Assert.Equal(1, report["unparsedLines"]!.GetValue<int>());
    }

    private static string Line(string address, DateTimeOffset time, string path, int status, string agent) =>
        string.Create(CultureInfo.InvariantCulture, $"{address} - - [{time.ToUniversalTime().ToString("dd/MMM/yyyy:HH:mm:ss", CultureInfo.InvariantCulture)} +0000] \"GET {path} HTTP/1.1\" {status} 1234 \"-\" \"{agent}\"");
}

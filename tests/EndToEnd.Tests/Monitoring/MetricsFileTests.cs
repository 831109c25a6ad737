using System.Xml;
using Fedmd.Metadata.Values;
using Fedmd.Metadata.Xml;
using Fedmd.Tests.EndToEnd.Support;

namespace Fedmd.Tests.EndToEnd.Monitoring;

/// <summary><c>metrics.prom</c> after a pass: strict Prometheus text format, with the values the pass published.</summary>
public sealed class MetricsFileTests : IDisposable
{
    private readonly PassEnvironment _environment = new();

    [Fact]
    public void A_pass_writes_metrics_in_the_Prometheus_text_format_with_what_it_published()
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var run = _environment.Fedmd("run", "--once");
        Assert.True(run.ExitCode == 0, run.Output);

        var samples = PrometheusTextParser.Parse(File.ReadAllText(_environment.Combine("state", "metrics.prom")));

        Assert.All(samples, s => Assert.Equal("gauge", s.Type));
        var lastSuccess = Assert.Single(samples, s => s.Name == "fedmd_last_success_timestamp_seconds").Value;
        Assert.InRange(lastSuccess, before.ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.Equal(
            ["collect", "judge", "plan", "assemble", "sign", "register", "publish", "record"],
            samples.Where(s => s.Name == "fedmd_pass_step_duration_seconds").Select(s => s.Labels["step"]));
        Assert.All(samples.Where(s => s.Name == "fedmd_pass_step_duration_seconds"), s => Assert.True(s.Value >= 0));

        var feed = new SafeXmlLoader(100 * 1024 * 1024).LoadFile(_environment.PublishedFeed).DocumentElement!;
        var published = feed.ChildNodes.OfType<XmlElement>().Count(e => e.LocalName == "EntityDescriptor");
        Assert.Equal(published, Value(samples, "fedmd_feed_entities", ("feed", "federation-metadata.xml")));
        Assert.Equal(XsDateTime.ParseOrNull(feed.GetAttribute("validUntil"))!.Value.ToUnixTimeSeconds(),
            Value(samples, "fedmd_feed_valid_until_timestamp_seconds", ("feed", "federation-metadata.xml")));
        Assert.Equal(published, Value(samples, "fedmd_source_entities", ("source", "registry"), ("outcome", "accepted")));
        Assert.Equal(0, Value(samples, "fedmd_source_entities", ("source", "registry"), ("outcome", "rejected")));
        Assert.Equal(1, Value(samples, "fedmd_target_published", ("target", $"local {_environment.PublishDirectory}")));
        Assert.Equal(new DateTimeOffset(_environment.Token.Certificate.NotAfter.ToUniversalTime()).ToUnixTimeSeconds(),
            Value(samples, "fedmd_signing_certificate_not_after_timestamp_seconds"));
    }

    [Theory]
    [InlineData("a 1\na 2\n", "duplicate series")]
    [InlineData("# TYPE a gauge\nb 1\na 2\n", "appears again")]
    [InlineData("a{x=\"1\\t\"} 1\n", "bad escape")]
    [InlineData("a one\n", "not a float")]
    [InlineData("a 1", "newline")]
    [InlineData("a 1\n# TYPE a gauge\n", "TYPE after samples")]
    public void The_strict_parser_refuses_what_the_format_forbids(string text, string problem)
    {
        var failure = Assert.Throws<FormatException>(() => PrometheusTextParser.Parse(text));

        Assert.Contains(problem, failure.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _environment.Dispose();

    private static double Value(IReadOnlyList<PrometheusSample> samples, string name, params (string Name, string Value)[] labels) =>
        Assert.Single(samples, s => s.Name == name && s.Labels.Count == labels.Length && labels.All(l => s.Labels.TryGetValue(l.Name, out var v) && v == l.Value)).Value;
}

using System.Collections;
using System.Text.Json.Nodes;
using Fedmd.Cli.Configuration;
using Fedmd.Metadata.Failures;
using Fedmd.TestSupport;

namespace Fedmd.Tests.EndToEnd.Configuration;

/// <summary>
/// A copy of the development <c>fedmd.json</c> in a temporary directory, changed by a test and loaded in process with
/// an environment of the test's own (never this process's), so that tests can set <c>FEDMD__</c> variables in parallel.
/// </summary>
internal sealed class ConfigurationUnderTest : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    /// <summary>Writes the development configuration, changed by <paramref name="change"/>.</summary>
    public ConfigurationUnderTest(Action<JsonObject>? change = null)
    {
        var configuration = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("fedmd.json")))!.AsObject();
        change?.Invoke(configuration);
        File.WriteAllText(Path, configuration.ToJsonString());
    }

    /// <summary>The configuration file.</summary>
    public string Path => _directory.Combine("fedmd.json");

    /// <summary>Replaces the file with <paramref name="text"/>.</summary>
    public void Write(string text) => File.WriteAllText(Path, text);

    /// <summary>Loads the file with <paramref name="environment"/> as the only environment variables.</summary>
    public FedmdOptions Load(IDictionary<string, string>? environment = null) =>
        ConfigurationLoader.Load(Path, new Hashtable((IDictionary)(environment ?? new Dictionary<string, string>())));

    /// <summary>The one line a refused load reports; fails the test unless the load is a configuration failure.</summary>
    public string Refusal(IDictionary<string, string>? environment = null)
    {
        var failure = Assert.Throws<FedmdException>(() => Load(environment));
        Assert.Equal(FailureKind.Configuration, failure.Kind);
        Assert.DoesNotContain('\n', failure.Message);
        return failure.Message;
    }

    /// <inheritdoc />
    public void Dispose() => _directory.Dispose();
}

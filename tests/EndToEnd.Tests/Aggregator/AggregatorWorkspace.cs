using System.Text.Json;
using Fedmd.Tests.EndToEnd.Support;
using Fedmd.TestSupport;
using Fedmd.TestSupport.SoftHsm;

namespace Fedmd.Tests.EndToEnd.Aggregator;

/// <summary>
/// A temporary registry, web root, state and log directory, a configuration with the development config's two feeds
/// pointing at a test token, and a way to run <c>fedmd</c> against it.
/// </summary>
internal sealed class AggregatorWorkspace : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public AggregatorWorkspace(TestToken token, object? feeds = null)
    {
        Token = token;
        Directory.CreateDirectory(Registry);
        var configuration = TestConfiguration.For(token, _directory.Path);
        configuration["Feeds"] = JsonSerializer.SerializeToNode(feeds ?? new object[]
        {
            new { Name = "https://fedmd.example.ac.za/metadata", FileName = "federation-metadata.xml" },
            new
            {
                Name = "https://fedmd.example.ac.za/idp-proxies",
                FileName = "idp-proxies.xml",
                EntityAttributes = new[] { new { Name = "http://macedir.org/entity-category", Value = "http://fedmd.example.ac.za/category/idp-proxy" } },
            },
        });
        TestConfiguration.Write(configuration, Config);
    }

    public TestToken Token { get; }

    public string Config => _directory.Combine("fedmd.json");

    public string Registry => _directory.Combine("registry");

    public string Publish => _directory.Combine("publish");

    public string State => _directory.Combine("state");

    public string Ledger => _directory.Combine("registration-ledger.json");

    public string Published(string name) => Path.Combine(Publish, name);

    /// <summary>Copies good samples (by name) into the registry.</summary>
    public void AddSamples(params string[] names)
    {
        foreach (var name in names)
        {
            File.Copy(RepositoryRoot.Combine("metadata-samples", name), Path.Combine(Registry, name), overwrite: true);
        }
    }

    /// <summary>Copies broken samples (by name) into the registry.</summary>
    public void AddBad(params string[] names)
    {
        foreach (var name in names)
        {
            File.Copy(RepositoryRoot.Combine("metadata-samples", "bad", name), Path.Combine(Registry, name), overwrite: true);
        }
    }

    /// <summary>Every good sample's file name.</summary>
    public static string[] AllSampleNames() =>
        Directory.EnumerateFiles(RepositoryRoot.Combine("metadata-samples"), "*.xml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Runs fedmd with this workspace's configuration.</summary>
    public ToolResult Run(params string[] arguments) => FedmdCli.Run(["--config", Config, .. arguments]);

    /// <summary>The entityIDs of a published feed, in document order.</summary>
    public IReadOnlyList<string> EntityIds(string feed)
    {
        var document = new Fedmd.Metadata.Xml.SafeXmlLoader(64L * 1024 * 1024).LoadFile(Published(feed));
        return document.GetElementsByTagName("EntityDescriptor", Fedmd.Metadata.Xml.SamlNamespaces.Metadata)
            .OfType<System.Xml.XmlElement>().Select(e => e.GetAttribute("entityID")).ToList();
    }

    public void Dispose() => _directory.Dispose();
}

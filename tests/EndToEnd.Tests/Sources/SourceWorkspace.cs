using System.Text.Json;
using System.Text.Json.Nodes;
using Fedmd.Tests.EndToEnd.Aggregator;
using Fedmd.TestSupport.Http;
using Fedmd.TestSupport.SoftHsm;

namespace Fedmd.Tests.EndToEnd.Sources;

/// <summary>
/// An aggregator workspace whose main feed imports the remote source <c>home</c>, served by a local feed server and
/// pinned to the home federation's certificate; the idp-proxies feed stays registry-only.
/// </summary>
internal sealed class SourceWorkspace : IDisposable
{
    public const string OwnAuthority = "https://fedmd.example.ac.za";

    public SourceWorkspace(TestToken token, FeedServer server, SignedFeeds home, Action<JsonObject>? adjust = null)
    {
        Workspace = new AggregatorWorkspace(token);
        var pin = Path.Combine(Workspace.State, "..", "home-signing.pem");
        File.WriteAllText(pin, home.Certificate.ExportCertificatePem());
        var configuration = JsonNode.Parse(File.ReadAllText(Workspace.Config))!.AsObject();
        configuration["Sources"] = new JsonArray(new JsonObject
        {
            ["Name"] = "home",
            ["Url"] = server.FeedUrl.ToString(),
            ["CertificateFiles"] = new JsonArray(pin),
            ["AllowHttp"] = true,
            ["Filters"] = new JsonObject { ["ExcludeOwnRegistrations"] = true },
        });
        configuration["Feeds"]![0]!["Sources"] = new JsonArray("home");
        adjust?.Invoke(configuration);
        File.WriteAllText(Workspace.Config, configuration.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    public AggregatorWorkspace Workspace { get; }

    /// <summary>The last good copy of the source.</summary>
    public string LastGoodCopy => Path.Combine(Workspace.State, "sources", "home.xml");

    /// <summary>Every file of the web root with its bytes.</summary>
    public Dictionary<string, byte[]> WebRoot() =>
        Directory.EnumerateFiles(Workspace.Publish, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(Workspace.Publish, f), File.ReadAllBytes);

    public void Dispose() => Workspace.Dispose();
}

using System.Text.Json.Nodes;
using Fedmd.Tests.EndToEnd.Support;
using Fedmd.TestSupport;
using Fedmd.TestSupport.SoftHsm;

namespace Fedmd.Tests.EndToEnd.Publisher;

/// <summary>A fedmd.json in a temporary directory: the repository's sample entities, a test token, a web root of its own.</summary>
public sealed class PublisherConfiguration
{
    public PublisherConfiguration(TemporaryDirectory directory, TestToken token, Action<JsonObject>? publish = null)
    {
        WebRoot = directory.Combine("publish");
        File = directory.Combine("fedmd.json");
        var configuration = TestConfiguration.For(token, directory.Path, "production");
        configuration["Registry"]!["EntitiesDirectory"] = RepositoryRoot.Combine("metadata-samples");
        configuration["Aggregate"]!["Name"] = "https://md.example.org/federation-metadata.xml";
        var publishSection = configuration["Publish"]!.AsObject();
        publishSection["BaseUrl"] = "https://md.example.org/";
        publishSection["HistoryVersions"] = 5;
        publish?.Invoke(publishSection);
        TestConfiguration.Write(configuration, File);
    }

    public string File { get; }

    public string WebRoot { get; }

    public string Feed => Path.Combine(WebRoot, "federation-metadata.xml");
}

using System.Text.Json.Nodes;
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
        var publishSection = new JsonObject
        {
            ["Directory"] = WebRoot,
            ["BaseUrl"] = "https://md.example.org/",
            ["HistoryVersions"] = 5,
        };
        publish?.Invoke(publishSection);
        var configuration = new JsonObject
        {
            ["Profile"] = "production",
            ["Federation"] = new JsonObject { ["Name"] = "fedmd end-to-end federation", ["Publisher"] = "https://fedmd.example.org" },
            ["Registry"] = new JsonObject { ["EntitiesDirectory"] = RepositoryRoot.Combine("metadata-samples") },
            ["Aggregate"] = new JsonObject
            {
                ["Name"] = "https://md.example.org/federation-metadata.xml",
                ["FileName"] = "federation-metadata.xml",
                ["ValidFor"] = "P10D",
                ["CacheDuration"] = "PT6H",
            },
            ["Signing"] = new JsonObject
            {
                ["KeyUri"] = token.KeyUriText,
                ["CertificateFile"] = token.CertificateFile,
                ["PinFile"] = token.PinFile,
                ["SignatureMethod"] = "rsa-sha256",
            },
            ["Publish"] = publishSection,
            ["Logging"] = new JsonObject { ["Directory"] = directory.Combine("logs") },
            ["StateDirectory"] = directory.Combine("state"),
        };
        System.IO.File.WriteAllText(File, configuration.ToJsonString());
    }

    public string File { get; }

    public string WebRoot { get; }

    public string Feed => Path.Combine(WebRoot, "federation-metadata.xml");
}

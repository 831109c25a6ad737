using System.Text.Json;
using System.Text.Json.Nodes;
using Fedmd.TestSupport;
using Fedmd.TestSupport.SoftHsm;

namespace Fedmd.Tests.KeyLifecycle.Support;

/// <summary>
/// What the key-lifecycle workspaces share: the repository's sample registry copied into a temporary directory, and a
/// production configuration whose every directory is inside it, signing with the test token.
/// </summary>
internal static class WorkspaceConfiguration
{
    public static string RegistryDirectory(TemporaryDirectory directory) => directory.Combine("registry");

    public static string PublishDirectory(TemporaryDirectory directory) => directory.Combine("publish");

    public static string StateDirectory(TemporaryDirectory directory) => directory.Combine("state");

    public static string ConfigFile(TemporaryDirectory directory) => directory.Combine("fedmd.json");

    /// <summary>Copies the sample registry into <paramref name="directory"/> and returns the configuration to adjust.</summary>
    public static JsonObject Create(TemporaryDirectory directory, TestToken token, string federationName)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(token);
        var registry = RegistryDirectory(directory);
        Directory.CreateDirectory(registry);
        foreach (var sample in Directory.GetFiles(RepositoryRoot.Combine("metadata-samples"), "*.xml"))
        {
            File.Copy(sample, Path.Combine(registry, Path.GetFileName(sample)));
        }

        return new JsonObject
        {
            ["Profile"] = "production",
            ["Federation"] = new JsonObject { ["Name"] = federationName, ["Publisher"] = "https://fedmd.example.ac.za" },
            ["Registry"] = new JsonObject
            {
                ["EntitiesDirectory"] = registry,
                ["LedgerFile"] = directory.Combine("registration-ledger.json"),
                ["RegistrationAuthority"] = "https://fedmd.example.ac.za",
                ["RegistrationPolicyUrl"] = "https://fedmd.example.ac.za/policy",
            },
            ["Aggregate"] = new JsonObject { ["Name"] = "https://fedmd.example.ac.za/metadata", ["FileName"] = "federation-metadata.xml", ["ValidFor"] = "P10D", ["CacheDuration"] = "PT6H" },
            ["Signing"] = new JsonObject { ["KeyUri"] = token.KeyUriText, ["CertificateFile"] = token.CertificateFile, ["PinFile"] = token.PinFile },
            ["Publish"] = new JsonObject { ["Directory"] = PublishDirectory(directory) },
            ["Logging"] = new JsonObject { ["Directory"] = directory.Combine("logs") },
            ["StateDirectory"] = StateDirectory(directory),
        };
    }

    /// <summary>Writes <paramref name="configuration"/> where <see cref="ConfigFile"/> says.</summary>
    public static void Write(TemporaryDirectory directory, JsonObject configuration) =>
        File.WriteAllText(ConfigFile(directory), configuration.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
}

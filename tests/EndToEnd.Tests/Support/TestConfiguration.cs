using System.Text.Json;
using System.Text.Json.Nodes;
using Fedmd.TestSupport.SoftHsm;

namespace Fedmd.Tests.EndToEnd.Support;

/// <summary>
/// The configuration every end-to-end test starts from: a test token's key, certificate and PIN file, and every
/// directory (registry, web root, logs, state, ledger) inside one temporary directory. Tests change what they exercise.
/// </summary>
internal static class TestConfiguration
{
    /// <summary>The base configuration for <paramref name="token"/>, everything under <paramref name="directory"/>.</summary>
    public static JsonObject For(TestToken token, string directory, string profile = "development") => new()
    {
        ["Profile"] = profile,
        ["Federation"] = new JsonObject { ["Name"] = "fedmd test federation", ["Publisher"] = "https://fedmd.example.ac.za" },
        ["Registry"] = new JsonObject
        {
            ["EntitiesDirectory"] = Path.Combine(directory, "registry"),
            ["LedgerFile"] = Path.Combine(directory, "registration-ledger.json"),
            ["RegistrationAuthority"] = "https://fedmd.example.ac.za",
            ["RegistrationPolicyUrl"] = "https://fedmd.example.ac.za/policy",
        },
        ["Aggregate"] = new JsonObject { ["Name"] = "https://fedmd.example.ac.za/metadata", ["FileName"] = "federation-metadata.xml", ["ValidFor"] = "P10D", ["CacheDuration"] = "PT6H" },
        ["Signing"] = new JsonObject { ["KeyUri"] = token.KeyUriText, ["CertificateFile"] = token.CertificateFile, ["PinFile"] = token.PinFile },
        ["Publish"] = new JsonObject { ["Directory"] = Path.Combine(directory, "publish") },
        ["Logging"] = new JsonObject { ["Directory"] = Path.Combine(directory, "logs") },
        ["StateDirectory"] = Path.Combine(directory, "state"),
    };

    /// <summary>Everything the log files under <paramref name="directory"/>'s logs folder hold (empty when none).</summary>
    public static string LogText(string directory)
    {
        var logs = Path.Combine(directory, "logs");
        return Directory.Exists(logs) ? string.Concat(Directory.GetFiles(logs).Select(File.ReadAllText)) : string.Empty;
    }

    /// <summary>Writes <paramref name="configuration"/> to <paramref name="path"/> and returns the path.</summary>
    public static string Write(JsonObject configuration, string path)
    {
        File.WriteAllText(path, configuration.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }
}

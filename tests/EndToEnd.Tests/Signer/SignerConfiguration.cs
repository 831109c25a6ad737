using System.Globalization;
using System.Text.Json.Nodes;
using Fedmd.TestSupport;
using Fedmd.TestSupport.SoftHsm;

namespace Fedmd.Tests.EndToEnd.Signer;

/// <summary>A production-profile configuration in a temporary directory whose signing key is a SoftHSM2 test token.</summary>
internal static class SignerConfiguration
{
    public static string Write(TemporaryDirectory directory, TestToken token, string? keyUri = null, string? pinFile = null)
    {
        var configuration = new JsonObject
        {
            ["Profile"] = "production",
            ["Federation"] = new JsonObject { ["Name"] = "fedmd signer tests", ["Publisher"] = "https://fedmd.example.ac.za" },
            ["Registry"] = new JsonObject { ["EntitiesDirectory"] = "entities" },
            ["Aggregate"] = new JsonObject
            {
                ["Name"] = "https://fedmd.example.ac.za/test", ["FileName"] = "federation-metadata.xml", ["ValidFor"] = "P10D", ["CacheDuration"] = "PT6H",
            },
            ["Signing"] = new JsonObject
            {
                ["KeyUri"] = keyUri ?? token.KeyUriText,
                ["CertificateFile"] = token.CertificateFile,
                ["PinFile"] = pinFile ?? token.PinFile,
                ["RecoveryRetries"] = 1,
                ["RecoveryFirstDelay"] = "PT0.1S",
                ["RecoveryLongestDelay"] = "PT0.1S",
            },
            ["Publish"] = new JsonObject { ["Directory"] = "publish" },
            ["Schedule"] = new JsonObject { ["Cron"] = "0 0 * * * ?", ["TimeZone"] = "UTC" },
            ["Logging"] = new JsonObject { ["Directory"] = "logs", ["RetainedFileCountLimit"] = 3 },
            ["StateDirectory"] = "state",
        };
        var path = directory.Combine($"fedmd-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, configuration.ToJsonString());
        return path;
    }

    public static string WriteUnsignedAggregate(string path)
    {
        var validUntil = DateTimeOffset.UtcNow.AddDays(10).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        File.WriteAllText(path,
            $"<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" ID=\"_cli-aggregate\" validUntil=\"{validUntil}\">" +
            "<md:EntityDescriptor entityID=\"https://idp.example.ac.za/idp\"><md:IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">" +
            "<md:SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\"https://idp.example.ac.za/sso\"/>" +
            "</md:IDPSSODescriptor></md:EntityDescriptor></md:EntitiesDescriptor>");
        return path;
    }

    public static string WritePinFile(TemporaryDirectory directory, string pin)
    {
        var path = directory.Combine($"pin-{Guid.NewGuid():N}");
        File.WriteAllText(path, pin + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    public static string AllLogText(TemporaryDirectory directory) =>
        string.Concat(Directory.GetFiles(directory.Combine("logs")).Select(File.ReadAllText));
}

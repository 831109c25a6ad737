using System.Globalization;
using Fedmd.Tests.EndToEnd.Support;
using Fedmd.TestSupport;
using Fedmd.TestSupport.SoftHsm;

namespace Fedmd.Tests.EndToEnd.Signer;

/// <summary>A production-profile configuration in a temporary directory whose signing key is a SoftHSM2 test token.</summary>
internal static class SignerConfiguration
{
    public static string Write(TemporaryDirectory directory, TestToken token, string? keyUri = null, string? pinFile = null)
    {
        var configuration = TestConfiguration.For(token, directory.Path, "production");
        var signing = configuration["Signing"]!.AsObject();
        signing["KeyUri"] = keyUri ?? token.KeyUriText;
        signing["PinFile"] = pinFile ?? token.PinFile;
        signing["RecoveryRetries"] = 1;
        signing["RecoveryFirstDelay"] = "PT0.1S";
        signing["RecoveryLongestDelay"] = "PT0.1S";
        configuration["Logging"]!["RetainedFileCountLimit"] = 3;
        var path = TestConfiguration.Write(configuration, directory.Combine($"fedmd-{Guid.NewGuid():N}.json"));
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

    public static string AllLogText(TemporaryDirectory directory) => TestConfiguration.LogText(directory.Path);
}

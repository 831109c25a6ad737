using System.Text.Json.Nodes;
using Fedmd.Tests.EndToEnd.Support;
using Fedmd.TestSupport;

namespace Fedmd.Tests.EndToEnd.Spine;

/// <summary>Every command's exit codes: 0 success, 1 invalid input, 2 usage or configuration, 3 infrastructure.</summary>
public sealed class ExitCodeTests
{
    [Fact]
    public void An_unknown_option_is_a_usage_error()
    {
        var result = FedmdCli.Run(["run", "--no-such-option"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--no-such-option", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_configuration_value_names_the_key_and_exits_2()
    {
        using var environment = new PassEnvironment(c => c["Aggregate"]!["CacheDuration"] = "six hours");

        var result = environment.Fedmd("run", "--once");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Aggregate:CacheDuration", result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.StandardError.Trim().Split('\n'));
    }

    [Fact]
    public void An_environment_override_is_validated_like_the_file()
    {
        using var environment = new PassEnvironment();

        var result = FedmdCli.Run(["--config", environment.ConfigFile, "run", "--once"],
            new Dictionary<string, string?> { ["FEDMD__Schedule__Cron"] = "every hour" });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Schedule:Cron", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_relative_module_path_is_a_configuration_error()
    {
        using var environment = new PassEnvironment(c =>
            c["Signing"]!["KeyUri"] = c["Signing"]!["KeyUri"]!.GetValue<string>().Replace("/usr/lib/softhsm/libsofthsm2.so", "lib/libsofthsm2.so", StringComparison.Ordinal));

        var result = environment.Fedmd("run", "--once");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Signing:KeyUri", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("absolute", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_configuration_file_exits_2()
    {
        var result = FedmdCli.Run(["--config", "/nonexistent/fedmd.json", "run", "--once"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/nonexistent/fedmd.json", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_pkcs11_module_is_an_infrastructure_failure()
    {
        using var environment = new PassEnvironment(c =>
            c["Signing"]!["KeyUri"] = c["Signing"]!["KeyUri"]!.GetValue<string>().Replace("/usr/lib/softhsm/libsofthsm2.so", "/nonexistent/libpkcs11.so", StringComparison.Ordinal));

        var result = environment.Fedmd("run", "--once");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("/nonexistent/libpkcs11.so", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pin_file_readable_by_others_is_refused()
    {
        using var environment = new PassEnvironment();
        File.SetUnixFileMode(environment.Token.PinFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        try
        {
            var result = environment.Fedmd("run", "--once");

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("chmod 600", result.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            File.SetUnixFileMode(environment.Token.PinFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    [Fact]
    public void Verify_without_a_pinned_key_is_a_usage_error()
    {
        var result = FedmdCli.Run(["verify", "--file", RepositoryRoot.Combine("metadata-samples", "hub.xml")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--cert", result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("P99999999Y")]
    [InlineData("28 days")]
    public void An_unusable_duration_is_a_usage_error_with_one_line(string duration)
    {
        var result = FedmdCli.Run(["verify", "--file", RepositoryRoot.Combine("metadata-samples", "hub.xml"), "--cert", RepositoryRoot.Combine("keys-dev", "metadata-signing.crt"), "--max-validity", duration]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--max-validity", result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.StandardError.Trim().Split('\n'));
    }

    [Fact]
    public void Verify_of_an_unsigned_document_exits_1()
    {
        var result = FedmdCli.Run(["verify", "--file", RepositoryRoot.Combine("metadata-samples", "hub.xml"), "--cert", RepositoryRoot.Combine("keys-dev", "metadata-signing.crt")]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("REJECTED", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_exits_0_on_the_samples_and_1_on_the_broken_ones()
    {
        using var environment = new PassEnvironment();

        var good = environment.Fedmd("check", "--entities", environment.RegistryDirectory);
        var bad = environment.Fedmd("check", "--entities", RepositoryRoot.Combine("metadata-samples", "bad"));

        Assert.True(good.ExitCode == 0, good.Output);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("not-xml.xml", bad.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void A_production_profile_refuses_development_key_material()
    {
        using var environment = new PassEnvironment(c =>
        {
            c["Profile"] = "production";
            c["Signing"]!["CertificateFile"] = RepositoryRoot.Combine("keys-dev", "metadata-signing.crt");
        });

        var result = environment.Fedmd("run", "--once");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("development key material", result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pem-crlf")]
    [InlineData("der")]
    public void A_production_profile_refuses_a_copy_of_the_development_certificate_in_any_encoding(string encoding)
    {
        using var environment = new PassEnvironment(c => c["Profile"] = "production");
        var copy = environment.Combine("copied-signer.crt");
        using var development = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificateFromFile(RepositoryRoot.Combine("keys-dev", "metadata-signing.crt"));
        if (encoding == "der")
        {
            File.WriteAllBytes(copy, development.RawData);
        }
        else
        {
            File.WriteAllText(copy, development.ExportCertificatePem().ReplaceLineEndings("\r\n"));
        }

        var configuration = JsonNode.Parse(File.ReadAllText(environment.ConfigFile))!;
        configuration["Signing"]!["CertificateFile"] = copy;
        File.WriteAllText(environment.ConfigFile, configuration.ToJsonString());

        var result = environment.Fedmd("run", "--once");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("public development metadata signing key", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_production_profile_refuses_the_development_token_however_its_label_is_encoded()
    {
        using var environment = new PassEnvironment(c =>
        {
            c["Profile"] = "production";
            c["Signing"]!["KeyUri"] = "pkcs11:token=fedmd%2Ddev;object=metadata-signing?module-path=/usr/lib/softhsm/libsofthsm2.so";
        });

        var result = environment.Fedmd("run", "--once");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("development token is not allowed", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void The_compiled_in_development_key_fingerprint_matches_keys_dev()
    {
        using var development = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificateFromFile(RepositoryRoot.Combine("keys-dev", "metadata-signing.crt"));

        Assert.Equal(
            Fedmd.Cli.Configuration.DevelopmentKeyGuard.DevelopmentPublicKey,
            Fedmd.Metadata.Values.CertificateFingerprint.OfPublicKey(development, Fedmd.Metadata.Values.FingerprintAlgorithm.Sha256));
    }
}

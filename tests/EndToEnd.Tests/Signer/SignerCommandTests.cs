using System.Text;
using Fedmd.Metadata.Values;
using Fedmd.TestSupport;
using Fedmd.TestSupport.SoftHsm;

namespace Fedmd.Tests.EndToEnd.Signer;

/// <summary>The signer's commands as an operator runs them: exit codes, messages, logs and the audit log.</summary>
public sealed class SignerCommandTests : IDisposable
{
    private const string WrongPin = "wrong-pin-24680";

    private static readonly TestToken Token = TestHsm.CreateToken("cli-signer");

    private readonly TemporaryDirectory _directory = new();

    [Fact]
    public void Keys_check_signs_with_the_token_and_verifies_with_the_certificate()
    {
        var result = FedmdCli.Run(["keys", "check", "--config", SignerConfiguration.Write(_directory, Token)]);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("OK:", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_module_exits_3_with_a_line_naming_the_module()
    {
        var uri = $"pkcs11:token={Token.Label};object={Token.KeyLabel}?module-path=/nonexistent/libmissing-pkcs11.so";

        var result = FedmdCli.Run(["keys", "check", "--config", SignerConfiguration.Write(_directory, Token, keyUri: uri)]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("PKCS#11 module /nonexistent/libmissing-pkcs11.so does not exist", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_pin_is_tried_once_then_latched_so_later_runs_never_log_in_until_an_operator_clears_it()
    {
        var configuration = SignerConfiguration.Write(_directory, Token, pinFile: SignerConfiguration.WritePinFile(_directory, WrongPin));
        var first = FedmdCli.Run(["keys", "check", "--config", configuration]);
        Assert.Equal(3, first.ExitCode);
        Assert.Contains("CKR_PIN_INCORRECT", first.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongPin, first.Output, StringComparison.Ordinal);

        // Without the latch, three hourly runs would lock a real smartcard HSM (SoftHSM2 has no lockout to show it).
        for (var run = 0; run < 3; run++)
        {
            var result = FedmdCli.Run(["keys", "check", "--config", configuration]);

            Assert.Equal(3, result.ExitCode);
            Assert.Contains("no login is attempted", result.StandardError, StringComparison.Ordinal);
            Assert.DoesNotContain(WrongPin, result.Output, StringComparison.Ordinal);
        }

        var log = SignerConfiguration.AllLogText(_directory);
        Assert.Contains("CKR_PIN_INCORRECT", log, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongPin, log, StringComparison.Ordinal);
        Assert.DoesNotContain(TestToken.UserPinValue, log, StringComparison.Ordinal);
        var fixedPin = SignerConfiguration.Write(_directory, Token);
        Assert.Equal(3, FedmdCli.Run(["keys", "check", "--config", fixedPin]).ExitCode);
        File.Delete(_directory.Combine("state", Fedmd.Pass.State.FileStateStore.PinRefusalLatchFileName));
        var right = FedmdCli.Run(["keys", "check", "--config", fixedPin]);
        Assert.True(right.ExitCode == 0, right.Output);
    }

    [Fact]
    public void No_command_takes_a_pin_argument()
    {
        var result = FedmdCli.Run(["keys", "check", "--pin", TestToken.UserPinValue, "--config", SignerConfiguration.Write(_directory, Token)]);

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void Signed_output_is_accepted_by_verify_xmlsec1_and_samlsign_and_audited()
    {
        var configuration = SignerConfiguration.Write(_directory, Token);
        var signed = _directory.Combine("signed.xml");
        var sign = FedmdCli.Run(["sign", "--config", configuration, "--in", SignerConfiguration.WriteUnsignedAggregate(_directory.Combine("unsigned.xml")), "--out", signed]);
        Assert.True(sign.ExitCode == 0, sign.Output);

        var byCertificate = FedmdCli.Run(["verify", "--file", signed, "--cert", Token.CertificateFile, "--out", _directory.Combine("content.xml")]);
        var byKeyFingerprint = FedmdCli.Run(["verify", "--file", signed, "--fingerprint", CertificateFingerprint.OfPublicKey(Token.Certificate, FingerprintAlgorithm.Sha256).ToString()]);
        var audit = FedmdCli.Run(["audit", "verify", "--config", configuration]);

        Assert.True(byCertificate.ExitCode == 0, byCertificate.Output);
        Assert.True(byKeyFingerprint.ExitCode == 0, byKeyFingerprint.Output);
        Assert.DoesNotContain("Signature", File.ReadAllText(_directory.Combine("content.xml")), StringComparison.Ordinal);
        Assert.True(IndependentVerifiers.Xmlsec1Accepts(signed, Token.CertificateFile), IndependentVerifiers.Xmlsec1(signed, Token.CertificateFile).Output);
        Assert.True(IndependentVerifiers.SamlsignAccepts(signed, Token.CertificateFile), IndependentVerifiers.Samlsign(signed, Token.CertificateFile).Output);
        Assert.True(audit.ExitCode == 0, audit.Output);
        Assert.DoesNotContain(TestToken.UserPinValue, SignerConfiguration.AllLogText(_directory), StringComparison.Ordinal);
        Assert.DoesNotContain(TestToken.UserPinValue, File.ReadAllText(_directory.Combine("state", "signing-audit.jsonl")), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_exits_1_for_a_wrapped_document_and_2_without_a_pinned_key()
    {
        var configuration = SignerConfiguration.Write(_directory, Token);
        var signed = _directory.Combine("signed.xml");
        Assert.Equal(0, FedmdCli.Run(["sign", "--config", configuration, "--in", SignerConfiguration.WriteUnsignedAggregate(_directory.Combine("unsigned.xml")), "--out", signed]).ExitCode);
        var text = File.ReadAllText(signed);
        var wrapped = _directory.Combine("wrapped.xml");
        var rootStart = text.IndexOf("<md:EntitiesDescriptor", StringComparison.Ordinal);
        File.WriteAllText(wrapped, text[..rootStart] +
            "<md:EntitiesDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" ID=\"_evil\" validUntil=\"" + DateTimeOffset.UtcNow.AddDays(5).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture) + "\">" +
            "<md:EntityDescriptor entityID=\"https://attacker.example.net/idp\"/>" + text[rootStart..] + "</md:EntitiesDescriptor>");

        var rejected = FedmdCli.Run(["verify", "--file", wrapped, "--cert", Token.CertificateFile]);
        var unpinned = FedmdCli.Run(["verify", "--file", signed]);

        Assert.True(IndependentVerifiers.Xmlsec1Accepts(wrapped, Token.CertificateFile), "xmlsec1 should accept the wrapped signature, which still holds");
        Assert.Equal(1, rejected.ExitCode);
        Assert.Contains("REJECTED", rejected.StandardError, StringComparison.Ordinal);
        Assert.Equal(2, unpinned.ExitCode);
    }

    [Fact]
    public void Audit_verify_exits_1_when_a_line_was_edited()
    {
        var configuration = SignerConfiguration.Write(_directory, Token);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(0, FedmdCli.Run(["sign", "--config", configuration, "--in", SignerConfiguration.WriteUnsignedAggregate(_directory.Combine("unsigned.xml")), "--out", _directory.Combine($"signed-{i}.xml")]).ExitCode);
        }

        var log = _directory.Combine("state", "signing-audit.jsonl");
        var lines = File.ReadAllLines(log);
        lines[0] = lines[0].Replace("\"entityCount\":1", "\"entityCount\":7", StringComparison.Ordinal);
        File.WriteAllLines(log, lines, new UTF8Encoding(false));

        var result = FedmdCli.Run(["audit", "verify", "--config", configuration]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("line 1 was edited", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_that_does_not_hold_the_token_key_refuses_to_start()
    {
        var (key, other) = TestCertificates.CreateRsa("not-the-token-key");
        key.Dispose();
        var token = TestHsm.CreateToken("cli-mismatch", Token.Key, other);

        var result = FedmdCli.Run(["keys", "check", "--config", SignerConfiguration.Write(_directory, token)]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("does not hold the public key of the HSM key", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_expiring_within_the_refusal_window_signs_nothing()
    {
        var (key, certificate) = TestCertificates.CreateRsa("cli-expiring", notAfter: DateTimeOffset.UtcNow.AddDays(12));
        var token = TestHsm.CreateToken("cli-expiring", key, certificate);
        var signed = _directory.Combine("signed.xml");

        var result = FedmdCli.Run(["sign", "--config", SignerConfiguration.Write(_directory, token), "--in", SignerConfiguration.WriteUnsignedAggregate(_directory.Combine("unsigned.xml")), "--out", signed]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("within the refusal window of 14 days", result.StandardError, StringComparison.Ordinal);
        Assert.False(File.Exists(signed));
    }

    public void Dispose() => _directory.Dispose();
}

using Fedmd.Signer.Pkcs11;
using Fedmd.Signer.Recovery;
using Fedmd.Tests.Signer.Recovery;
using Fedmd.Verification;
using Net.Pkcs11Interop.Common;

namespace Fedmd.Tests.Signer.Pkcs11;

public sealed class RecoveringHsmKeyTests
{
    [Theory]
    [InlineData(CKR.CKR_PIN_INCORRECT)]
    [InlineData(CKR.CKR_PIN_LOCKED)]
    [InlineData(CKR.CKR_PIN_EXPIRED)]
    [InlineData(CKR.CKR_PIN_LEN_RANGE)]
    public void Pin_errors_are_never_retried(CKR code)
    {
        var fake = new FailingKey(code, failures: 10);
        var backoff = new RecordingBackoff();

        var failure = Assert.Throws<Pkcs11Exception>(() => Recovering(fake, backoff).Sign(SignatureMethod.Default, [1]));

        Assert.Equal(code, failure.RV);
        Assert.Equal(1, fake.Attempts);
        Assert.Equal(0, fake.Resets + fake.Reloads);
        Assert.Empty(backoff.Waits);
    }

    [Theory]
    [InlineData(CKR.CKR_SESSION_HANDLE_INVALID, false)]
    [InlineData(CKR.CKR_SESSION_CLOSED, false)]
    [InlineData(CKR.CKR_USER_NOT_LOGGED_IN, false)]
    [InlineData(CKR.CKR_OBJECT_HANDLE_INVALID, false)]
    [InlineData(CKR.CKR_KEY_HANDLE_INVALID, false)]
    [InlineData(CKR.CKR_DEVICE_REMOVED, true)]
    [InlineData(CKR.CKR_TOKEN_NOT_PRESENT, true)]
    [InlineData(CKR.CKR_DEVICE_ERROR, true)]
    [InlineData(CKR.CKR_CRYPTOKI_NOT_INITIALIZED, true)]
    public void Session_and_token_errors_reconnect_and_succeed(CKR code, bool reloadsModule)
    {
        var fake = new FailingKey(code, failures: 2);
        var backoff = new RecordingBackoff();

        var signature = Recovering(fake, backoff).Sign(SignatureMethod.Default, [1]);

        Assert.Equal(FailingKey.Signature, signature);
        Assert.Equal(3, fake.Attempts);
        Assert.Equal(reloadsModule ? (0, 2) : (2, 0), (fake.Resets, fake.Reloads));
        Assert.Equal([1, 2], backoff.Waits);
    }

    [Fact]
    public void Retries_are_bounded_and_the_last_failure_surfaces()
    {
        var fake = new FailingKey(CKR.CKR_DEVICE_REMOVED, failures: 100);
        var backoff = new RecordingBackoff();

        var failure = Assert.Throws<Pkcs11Exception>(() => Recovering(fake, backoff, retries: 4).ExportSubjectPublicKeyInfo());

        Assert.Equal(CKR.CKR_DEVICE_REMOVED, failure.RV);
        Assert.Equal(5, fake.Attempts);
        Assert.Equal([1, 2, 3, 4], backoff.Waits);
    }

    [Fact]
    public void Other_errors_pass_through_without_retry()
    {
        var fake = new FailingKey(CKR.CKR_MECHANISM_INVALID, failures: 1);

        Assert.Throws<Pkcs11Exception>(() => Recovering(fake, new RecordingBackoff()).Sign(SignatureMethod.FromName("ecdsa-sha256"), [1]));

        Assert.Equal(1, fake.Attempts);
    }

    [Fact]
    public void Exponential_backoff_doubles_up_to_its_ceiling()
    {
        var backoff = new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(15));

        var delays = Enumerable.Range(1, 6).Select(r => backoff.DelayFor(r).TotalSeconds);

        Assert.Equal([1, 2, 4, 8, 15, 15], delays);
    }

    private static RecoveringHsmKey Recovering(FailingKey fake, IBackoff backoff, int retries = 5) =>
        new(fake, fake, new RecoveryPolicy(retries, backoff), _ => { });

    /// <summary>Fails with one return value a set number of times, then works; counts attempts and reconnects.</summary>
    private sealed class FailingKey(CKR code, int failures) : IHsmKey, IHsmConnection
    {
        public static readonly byte[] Signature = [42];

        public int Attempts { get; private set; }

        public int Resets { get; private set; }

        public int Reloads { get; private set; }

        public byte[] ExportSubjectPublicKeyInfo() => Attempt();

        public byte[] Sign(SignatureMethod method, byte[] data) => Attempt();

        public void Reset() => Resets++;

        public void Reload() => Reloads++;

        private byte[] Attempt()
        {
            Attempts++;
            return Attempts <= failures ? throw new Pkcs11Exception("C_Sign", code) : Signature;
        }
    }
}

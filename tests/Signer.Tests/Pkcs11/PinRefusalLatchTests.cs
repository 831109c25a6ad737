using Fedmd.Metadata.Failures;
using Fedmd.Signer.Pkcs11;
using Fedmd.TestSupport;
using Fedmd.Verification;
using Net.Pkcs11Interop.Common;

namespace Fedmd.Tests.Signer.Pkcs11;

/// <summary>After the token refuses the PIN, no further login is attempted until an operator clears the latch.</summary>
public sealed class PinRefusalLatchTests : IDisposable
{
    private readonly TemporaryDirectory _state = new();

    private string LatchFile => _state.Combine("pin-refused");

    [Theory]
    [InlineData(CKR.CKR_PIN_INCORRECT)]
    [InlineData(CKR.CKR_PIN_LOCKED)]
    [InlineData(CKR.CKR_PIN_EXPIRED)]
    [InlineData(CKR.CKR_PIN_LEN_RANGE)]
    public void A_pin_refusal_is_latched_and_the_next_operation_never_reaches_the_token(CKR refusal)
    {
        var token = new CountingKey(refusal);
        var latch = new PinRefusalLatch(token, LatchFile, "PIN file /etc/fedmd/pin", TimeProvider.System);

        Assert.Throws<Pkcs11Exception>(() => latch.Sign(SignatureMethod.Default, [1]));
        var second = Assert.Throws<FedmdException>(() => latch.Sign(SignatureMethod.Default, [1]));

        Assert.Equal(1, token.Calls);
        Assert.Equal(FailureKind.Infrastructure, second.Kind);
        Assert.Contains(refusal.ToString(), second.Message, StringComparison.Ordinal);
        Assert.Contains(LatchFile, second.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_token_errors_do_not_latch()
    {
        var token = new CountingKey(CKR.CKR_DEVICE_REMOVED);
        var latch = new PinRefusalLatch(token, LatchFile, "PIN file", TimeProvider.System);

        Assert.Throws<Pkcs11Exception>(() => latch.Sign(SignatureMethod.Default, [1]));
        Assert.Throws<Pkcs11Exception>(() => latch.Sign(SignatureMethod.Default, [1]));

        Assert.Equal(2, token.Calls);
        Assert.False(File.Exists(LatchFile));
    }

    public void Dispose() => _state.Dispose();

    private sealed class CountingKey(CKR failure) : IHsmKey
    {
        public int Calls { get; private set; }

        public byte[] ExportSubjectPublicKeyInfo() => throw new NotSupportedException();

        public byte[] Sign(SignatureMethod method, byte[] data)
        {
            Calls++;
            throw new Pkcs11Exception("C_Login", failure);
        }
    }
}

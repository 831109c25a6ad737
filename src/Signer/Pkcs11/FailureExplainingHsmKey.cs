using Fedmd.Metadata.Failures;
using Fedmd.Signer.Recovery;
using Fedmd.Verification;
using Net.Pkcs11Interop.Common;

namespace Fedmd.Signer.Pkcs11;

/// <summary>
/// Turns PKCS#11 return values into one line an operator can act on. PIN errors say that no retry was made, so the
/// token was not brought closer to locking.
/// </summary>
public sealed class FailureExplainingHsmKey(IHsmKey inner, string pinSourceDescription) : IHsmKey
{
    /// <inheritdoc />
    public byte[] ExportSubjectPublicKeyInfo() => Explain(inner.ExportSubjectPublicKeyInfo);

    /// <inheritdoc />
    public byte[] Sign(SignatureMethod method, byte[] data) => Explain(() => inner.Sign(method, data));

    private T Explain<T>(Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (Pkcs11Exception e)
        {
            throw new FedmdException(FailureKind.Infrastructure, Describe(e), e);
        }
    }

    private string Describe(Pkcs11Exception e) => e.RV switch
    {
        CKR.CKR_PIN_INCORRECT => $"the token refused the PIN from {pinSourceDescription} (CKR_PIN_INCORRECT); no retry was made, so the token is not closer to locking. Fix the PIN source before the next run",
        CKR.CKR_PIN_LOCKED => "the token's user PIN is locked (CKR_PIN_LOCKED); the security officer must unlock it (dual control) before signing can resume",
        CKR.CKR_PIN_EXPIRED => "the token's user PIN has expired (CKR_PIN_EXPIRED); set a new PIN on the token",
        CKR.CKR_PIN_LEN_RANGE => $"the PIN from {pinSourceDescription} has a length the token does not accept (CKR_PIN_LEN_RANGE)",
        CKR.CKR_TOKEN_NOT_PRESENT => "the token is not present (CKR_TOKEN_NOT_PRESENT) and did not come back while reconnecting; check the HSM connection and the token label in Signing:KeyUri",
        _ when RecoveryPolicy.IsRecoverable(e.RV) => $"the HSM failed in {e.Method} with {e.RV} and did not recover while reconnecting with backoff; check the HSM and its connection, then run again",
        _ => $"the HSM failed in {e.Method} with {e.RV}",
    };
}

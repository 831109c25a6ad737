using System.Globalization;
using Fedmd.Metadata.Failures;
using Fedmd.Verification;
using Net.Pkcs11Interop.Common;

namespace Fedmd.Signer.Pkcs11;

/// <summary>
/// Keeps a refused PIN from being tried again. A smartcard HSM locks its PIN after three wrong tries; one attempt per
/// run would lock it within three hourly runs. After the token refuses the PIN, this decorator records the refusal in
/// a file and makes no further login until an operator fixes the PIN source and deletes that file.
/// </summary>
public sealed class PinRefusalLatch(IHsmKey inner, string latchFile, string pinSourceDescription, TimeProvider clock) : IHsmKey
{
    private static readonly HashSet<CKR> PinRefusals = [CKR.CKR_PIN_INCORRECT, CKR.CKR_PIN_LOCKED, CKR.CKR_PIN_EXPIRED, CKR.CKR_PIN_LEN_RANGE];

    /// <inheritdoc />
    public byte[] ExportSubjectPublicKeyInfo() => Guarded(inner.ExportSubjectPublicKeyInfo);

    /// <inheritdoc />
    public byte[] Sign(SignatureMethod method, byte[] data) => Guarded(() => inner.Sign(method, data));

    private T Guarded<T>(Func<T> operation)
    {
        if (File.Exists(latchFile))
        {
            throw new FedmdException(FailureKind.Infrastructure,
                $"the token refused the PIN in an earlier run ({File.ReadAllText(latchFile).Trim()}); no login is attempted until the PIN is fixed, so the token cannot lock. Fix {pinSourceDescription}, then delete {latchFile}");
        }

        try
        {
            return operation();
        }
        catch (Pkcs11Exception e) when (PinRefusals.Contains(e.RV))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(latchFile))!);
            File.WriteAllText(latchFile, string.Create(CultureInfo.InvariantCulture, $"{e.RV} at {clock.GetUtcNow():u}, {pinSourceDescription}\n"));
            throw;
        }
    }
}

using Fedmd.Signer.Recovery;
using Fedmd.Verification;
using Net.Pkcs11Interop.Common;

namespace Fedmd.Signer.Pkcs11;

/// <summary>
/// Recovers from a vanished session or token by itself, as HSM vendors ask: on a recoverable failure it waits, drops
/// every session and handle through <paramref name="connection"/> (initialising the module again when the token
/// itself went away), and runs the operation again, which finds the slot by token label, logs in and finds the key
/// anew. Anything else, PIN errors above all, passes through at once, after exactly one attempt.
/// </summary>
/// <param name="inner">The token key.</param>
/// <param name="connection">The token key's connection, reset before each retry.</param>
/// <param name="policy">Which failures to retry, how often and how long to wait.</param>
/// <param name="report">Told about each failed attempt (never given a secret), e.g. to log a warning.</param>
public sealed class RecoveringHsmKey(IHsmKey inner, IHsmConnection connection, RecoveryPolicy policy, Action<string> report) : IHsmKey
{
    /// <inheritdoc />
    public byte[] ExportSubjectPublicKeyInfo() => Recover(inner.ExportSubjectPublicKeyInfo);

    /// <inheritdoc />
    public byte[] Sign(SignatureMethod method, byte[] data) => Recover(() => inner.Sign(method, data));

    private T Recover<T>(Func<T> operation)
    {
        Pkcs11Exception? last = null;
        for (var retry = 0; ; retry++)
        {
            try
            {
                if (last is not null)
                {
                    Reconnect(last.RV);
                }

                return operation();
            }
            catch (Pkcs11Exception e) when (RecoveryPolicy.IsRecoverable(e.RV) && retry < policy.MaxRetries)
            {
                report($"HSM operation {e.Method} failed with {e.RV}; reconnecting to the token (retry {retry + 1} of {policy.MaxRetries})");
                last = e;
                policy.Backoff.Wait(retry + 1);
            }
        }
    }

    private void Reconnect(CKR failure)
    {
        if (RecoveryPolicy.NeedsModuleReload(failure))
        {
            connection.Reload();
        }
        else
        {
            connection.Reset();
        }
    }
}

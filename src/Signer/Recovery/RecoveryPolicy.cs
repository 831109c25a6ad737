using System.Collections.Frozen;
using Net.Pkcs11Interop.Common;

namespace Fedmd.Signer.Recovery;

/// <summary>
/// Which PKCS#11 failures are worth a reconnect and how often to try. Only session and token errors qualify: the
/// PIN errors (incorrect, locked, expired, wrong length) are never retried, because every retry would bring a
/// smartcard HSM one step closer to locking its PIN.
/// </summary>
/// <param name="MaxRetries">Retries after the first attempt fails; the operation runs at most this plus one times.</param>
/// <param name="Backoff">The wait between attempts.</param>
public sealed record RecoveryPolicy(int MaxRetries, IBackoff Backoff)
{
    private static readonly FrozenSet<CKR> Recoverable = new HashSet<CKR>
    {
        CKR.CKR_SESSION_HANDLE_INVALID,
        CKR.CKR_SESSION_CLOSED,
        CKR.CKR_DEVICE_REMOVED,
        CKR.CKR_TOKEN_NOT_PRESENT,
        CKR.CKR_USER_NOT_LOGGED_IN,
        CKR.CKR_OBJECT_HANDLE_INVALID,
        CKR.CKR_KEY_HANDLE_INVALID,
        CKR.CKR_DEVICE_ERROR,
        CKR.CKR_CRYPTOKI_NOT_INITIALIZED,
    }.ToFrozenSet();

    private static readonly FrozenSet<CKR> TokenGone = new HashSet<CKR>
    {
        CKR.CKR_DEVICE_REMOVED,
        CKR.CKR_TOKEN_NOT_PRESENT,
        CKR.CKR_DEVICE_ERROR,
        CKR.CKR_CRYPTOKI_NOT_INITIALIZED,
    }.ToFrozenSet();

    /// <summary>Whether a failure with <paramref name="code"/> may be cured by dropping the session and reconnecting.</summary>
    public static bool IsRecoverable(CKR code) => Recoverable.Contains(code);

    /// <summary>
    /// Whether the token itself went away, so that the module must be initialised again to see it come back (a
    /// module learns about a returning device only then); session errors need only a new session.
    /// </summary>
    public static bool NeedsModuleReload(CKR code) => TokenGone.Contains(code);
}

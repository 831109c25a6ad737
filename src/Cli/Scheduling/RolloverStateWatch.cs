using System.Security.Cryptography;

namespace Fedmd.Cli.Scheduling;

/// <summary>
/// Notices that the metadata rollover state file changed since the service composed its pass (an announce, switch,
/// finish or compromise ran), so the service restarts and signs with the keys the state now names instead of
/// publishing with the ones it opened at start.
/// </summary>
internal sealed class RolloverStateWatch(string path)
{
    /// <summary>The exit code of a restart for new keys (EX_TEMPFAIL): systemd's Restart=on-failure starts the service again.</summary>
    public const int RestartExitCode = 75;

    private readonly string _atStart = Stamp(path);

    /// <summary>Whether the file differs from what it was when the service started.</summary>
    public bool Changed() => Stamp(path) != _atStart;

    private static string Stamp(string path) =>
        File.Exists(path) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))) : "absent";
}

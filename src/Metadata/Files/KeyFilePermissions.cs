using Fedmd.Metadata.Failures;

namespace Fedmd.Metadata.Files;

/// <summary>Refuses secret files (PINs, private keys) that anyone but their owner can read or write.</summary>
public static class KeyFilePermissions
{
    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Throws a configuration failure naming the file and the fix when group or others have any access.</summary>
    public static void RequireOwnerOnly(string path, string what)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(path);
        if ((mode & GroupOrOther) != 0)
        {
            throw new FedmdException(FailureKind.Configuration,
                $"{what} {path} is accessible to group or others (mode {Convert.ToString((int)mode, 8)}); run: chmod 600 {path}");
        }
    }
}

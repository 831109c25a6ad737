using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Fedmd.Aggregator.Registry;

/// <summary>
/// Opens a file for reading with <c>O_NOFOLLOW | O_NONBLOCK</c>, which .NET's file APIs cannot ask for: the kernel
/// refuses a name that is a symbolic link at the moment of opening (closing the race between checking a registry
/// file and reading it), and a FIFO opens without waiting for a writer, so it can be recognised and refused.
/// Linux only, where the flags' values are known per architecture; elsewhere <see cref="IsSupported"/> is false.
/// </summary>
internal static class NoFollowOpen
{
    /// <summary>errno: the name is a symbolic link.</summary>
    public const int SymbolicLinkError = 40;

    /// <summary>errno: the name is a socket (or a device without a driver).</summary>
    public const int NoDeviceError = 6;

    /// <summary>errno EACCES: the file's permissions refuse the user that runs fedmd.</summary>
    public const int PermissionDeniedError = 13;

    private const int ReadOnly = 0;
    private const int NonBlocking = 0x800;
    private const int CloseOnExec = 0x80000;

    private static int NoFollow => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 or Architecture.X86 => 0x20000,
        Architecture.Arm64 or Architecture.Arm => 0x8000,
        _ => 0,
    };

    /// <summary>Whether <see cref="Open"/> can be used on this system.</summary>
    public static bool IsSupported => OperatingSystem.IsLinux() && NoFollow != 0;

    /// <summary>Opens <paramref name="path"/> read-only without following a final symbolic link, or returns null and the errno.</summary>
    public static SafeFileHandle? Open(string path, out int error)
    {
        var descriptor = OpenNative(path, ReadOnly | NoFollow | NonBlocking | CloseOnExec);
        error = descriptor < 0 ? Marshal.GetLastPInvokeError() : 0;
        return descriptor < 0 ? null : new SafeFileHandle(descriptor, ownsHandle: true);
    }

    /// <summary>The system's description of an errno, for messages.</summary>
    public static string Describe(int error) => Marshal.GetPInvokeErrorMessage(error);

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int OpenNative([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
}

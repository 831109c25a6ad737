using System.Reflection;
using System.Runtime.InteropServices;
using Net.Pkcs11Interop.HighLevelAPI;

namespace Fedmd.Signer.Pkcs11;

/// <summary>
/// Pkcs11Interop loads the dynamic loader as <c>libdl</c>; Debian 12 ships only <c>libdl.so.2</c> (the bare name
/// exists only with a developer package), so map the name once per process instead of relying on the machine.
/// </summary>
internal static class NativeLibraryNames
{
    private static readonly Lazy<bool> Registered = new(() =>
    {
        NativeLibrary.SetDllImportResolver(typeof(Pkcs11InteropFactories).Assembly, Resolve);
        return true;
    });

    /// <summary>Registers the resolver; later calls do nothing.</summary>
    public static void EnsureRegistered() => _ = Registered.Value;

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name is "libdl" or "libdl.so" && OperatingSystem.IsLinux())
        {
            foreach (var candidate in new[] { "libdl.so.2", "libc.so.6" })
            {
                if (NativeLibrary.TryLoad(candidate, out var handle))
                {
                    return handle;
                }
            }
        }

        return IntPtr.Zero;
    }
}

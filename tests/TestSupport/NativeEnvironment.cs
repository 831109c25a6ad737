using System.Runtime.InteropServices;

namespace Fedmd.TestSupport;

/// <summary>
/// Sets a variable in the native process environment. SoftHSM2 reads <c>SOFTHSM2_CONF</c> with getenv when the
/// module initialises, and .NET's Environment.SetEnvironmentVariable does not change that environment on Linux.
/// </summary>
public static partial class NativeEnvironment
{
    /// <summary>Sets <paramref name="name"/> for native code and for .NET.</summary>
    public static void Set(string name, string value)
    {
        if (SetEnv(name, value, 1) != 0)
        {
            throw new InvalidOperationException($"setenv({name}) failed");
        }

        Environment.SetEnvironmentVariable(name, value);
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnv(string name, string value, int overwrite);
}

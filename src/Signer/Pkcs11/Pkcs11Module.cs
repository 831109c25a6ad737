using Fedmd.Metadata.Failures;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace Fedmd.Signer.Pkcs11;

/// <summary>
/// A loaded PKCS#11 module. Load it once per process: initialising a module twice fails, and SoftHSM2 reads
/// <c>SOFTHSM2_CONF</c> only at that moment.
/// </summary>
public sealed class Pkcs11Module : IDisposable
{
    private Pkcs11Module(string path, Pkcs11InteropFactories factories, IPkcs11Library library)
    {
        Path = path;
        Factories = factories;
        Library = library;
    }

    /// <summary>Path of the module file.</summary>
    public string Path { get; }

    /// <summary>Pkcs11Interop's factories, for attributes and mechanisms.</summary>
    public Pkcs11InteropFactories Factories { get; }

    /// <summary>The loaded library.</summary>
    public IPkcs11Library Library { get; }

    /// <summary>Loads and initialises the module at <paramref name="path"/>.</summary>
    /// <exception cref="FedmdException">The module is missing or fails to initialise (infrastructure failure).</exception>
    public static Pkcs11Module Load(string path)
    {
        NativeLibraryNames.EnsureRegistered();
        if (!File.Exists(path))
        {
            throw new FedmdException(FailureKind.Infrastructure,
                $"PKCS#11 module {path} does not exist; install it (softhsm2 or opensc) or fix module-path in Signing:KeyUri");
        }

        var factories = new Pkcs11InteropFactories();
        try
        {
            var library = factories.Pkcs11LibraryFactory.LoadPkcs11Library(factories, path, AppType.MultiThreaded);
            return new Pkcs11Module(path, factories, library);
        }
        catch (Exception e) when (e is Pkcs11Exception or UnmanagedException or DllNotFoundException)
        {
            throw new FedmdException(FailureKind.Infrastructure, $"PKCS#11 module {path} failed to load: {e.Message}", e);
        }
    }

    /// <summary>Finds the slot whose token has <paramref name="tokenLabel"/>; slot numbers change, labels do not.</summary>
    public ISlot? FindSlotByTokenLabel(string tokenLabel) =>
        Library.GetSlotList(SlotsType.WithTokenPresent)
            .FirstOrDefault(slot => string.Equals(slot.GetTokenInfo().Label.Trim(), tokenLabel, StringComparison.Ordinal));

    /// <inheritdoc />
    public void Dispose() => Library.Dispose();
}

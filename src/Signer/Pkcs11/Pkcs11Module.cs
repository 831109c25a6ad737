using Fedmd.Metadata.Failures;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace Fedmd.Signer.Pkcs11;

/// <summary>
/// A loaded PKCS#11 module. Load it once per process: initialising a module twice fails, and SoftHSM2 reads
/// <c>SOFTHSM2_CONF</c> only at that moment. <see cref="Reload"/> finalises and initialises it again, which is how a
/// module rediscovers a token that vanished (a USB reset, a removed token directory) and came back.
/// </summary>
public sealed class Pkcs11Module : IDisposable
{
    private readonly Lock _gate = new();
    private IPkcs11Library _library;

    private Pkcs11Module(string path, Pkcs11InteropFactories factories, IPkcs11Library library)
    {
        Path = path;
        Factories = factories;
        _library = library;
    }

    /// <summary>Path of the module file.</summary>
    public string Path { get; }

    /// <summary>Pkcs11Interop's factories, for attributes and mechanisms.</summary>
    public Pkcs11InteropFactories Factories { get; }

    /// <summary>The loaded library.</summary>
    public IPkcs11Library Library
    {
        get
        {
            lock (_gate)
            {
                return _library;
            }
        }
    }

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
            return new Pkcs11Module(path, factories, LoadLibrary(factories, path));
        }
        catch (Exception e) when (e is Pkcs11Exception or UnmanagedException or DllNotFoundException)
        {
            throw new FedmdException(FailureKind.Infrastructure, $"PKCS#11 module {path} failed to load: {e.Message}", e);
        }
    }

    /// <summary>
    /// Finalises the module and initialises it again. Every session of every key on it becomes invalid, so only the
    /// process's one signing key may call this, after dropping its own session.
    /// </summary>
    /// <exception cref="Pkcs11Exception">The module does not initialise again (yet).</exception>
    /// <exception cref="FedmdException">The module file can no longer be loaded (infrastructure failure).</exception>
    public void Reload()
    {
        lock (_gate)
        {
            try
            {
                _library.Dispose();
            }
            catch (Pkcs11Exception)
            {
                // A module that lost its device may refuse C_Finalize; initialising again is what matters.
            }

            try
            {
                _library = LoadLibrary(Factories, Path);
            }
            catch (Exception e) when (e is UnmanagedException or DllNotFoundException)
            {
                throw new FedmdException(FailureKind.Infrastructure, $"PKCS#11 module {Path} failed to load again after a token failure: {e.Message}", e);
            }
        }
    }

    /// <summary>
    /// Finds the slot whose token has <paramref name="tokenLabel"/>; slot numbers change, labels do not. A slot whose
    /// token cannot describe itself (another token mid-removal, say) is passed over rather than failing the search.
    /// </summary>
    public ISlot? FindSlotByTokenLabel(string tokenLabel) =>
        Library.GetSlotList(SlotsType.WithTokenPresent).FirstOrDefault(slot => LabelOf(slot) == tokenLabel);

    private static string? LabelOf(ISlot slot)
    {
        try
        {
            return slot.GetTokenInfo().Label.Trim();
        }
        catch (Pkcs11Exception)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public void Dispose() => Library.Dispose();

    private static IPkcs11Library LoadLibrary(Pkcs11InteropFactories factories, string path) =>
        factories.Pkcs11LibraryFactory.LoadPkcs11Library(factories, path, AppType.MultiThreaded);
}

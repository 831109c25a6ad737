namespace Fedmd.Signer.Pkcs11;

/// <summary>A token connection that can be dropped, so that the next operation reconnects from scratch.</summary>
public interface IHsmConnection
{
    /// <summary>Drops every session and object handle; the next operation finds the slot, logs in and finds the key again.</summary>
    void Reset();

    /// <summary>
    /// Resets, then finalises and initialises the PKCS#11 module again, so that a token that vanished and came back
    /// is found in whatever slot it now occupies.
    /// </summary>
    void Reload();
}

namespace Fedmd.Signer.Pkcs11;

/// <summary>The raw signing operations the project asks of a token; hashing always happens on the host.</summary>
public enum HsmMechanism
{
    /// <summary><c>CKM_RSA_PKCS</c> over a DER DigestInfo (works on SmartCard-HSM through OpenSC and on SoftHSM2).</summary>
    RsaPkcs1,

    /// <summary><c>CKM_ECDSA</c> over a hash, returning r‖s.</summary>
    Ecdsa,
}

namespace Fedmd.Verification;

/// <summary>The kind of key a signature method needs: the token key and the certificate must both be of it.</summary>
public enum KeyFamily
{
    /// <summary>An RSA key, signing PKCS#1 v1.5.</summary>
    Rsa,

    /// <summary>An elliptic-curve key, signing ECDSA with r‖s values.</summary>
    Ec,
}

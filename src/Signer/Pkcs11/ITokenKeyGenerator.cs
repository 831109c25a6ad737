namespace Fedmd.Signer.Pkcs11;

/// <summary>Makes a new signing key pair on a token; the private key never exists outside it.</summary>
public interface ITokenKeyGenerator
{
    /// <summary>
    /// Generates an RSA key pair of <paramref name="rsaBits"/> bits labelled <paramref name="label"/> with a fresh
    /// random CKA_ID, the private key token-resident, private, sensitive and not extractable.
    /// </summary>
    /// <returns>The new private key's URI (token, label, id and module), to put in configuration.</returns>
    /// <exception cref="Metadata.Failures.FedmdException">A key of that label exists already (exit 1), or the token fails (exit 3).</exception>
    Pkcs11KeyUri GenerateRsa(string label, int rsaBits = 3072);
}

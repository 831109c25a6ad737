namespace Fedmd.Signer.Credentials;

/// <summary>Where the token PIN comes from. Never a command-line argument.</summary>
public interface IPinSource
{
    /// <summary>Where the PIN is read from, for messages; never the PIN itself.</summary>
    string Description { get; }

    /// <summary>Reads the PIN.</summary>
    /// <exception cref="Fedmd.Metadata.Failures.FedmdException">The source is missing, empty or unsafe.</exception>
    Pin Read();
}

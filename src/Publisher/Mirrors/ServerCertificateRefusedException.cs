using System.Security.Authentication;

namespace Fedmd.Publisher.Mirrors;

/// <summary>The publisher refused the mirror's server certificate during the handshake; the message says why.</summary>
internal sealed class ServerCertificateRefusedException : AuthenticationException
{
    /// <summary>Creates the exception.</summary>
    public ServerCertificateRefusedException()
    {
    }

    /// <summary>Creates the exception with the reason.</summary>
    public ServerCertificateRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the reason and its cause.</summary>
    public ServerCertificateRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

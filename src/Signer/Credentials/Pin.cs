using System.Security.Cryptography;
using System.Text;

namespace Fedmd.Signer.Credentials;

/// <summary>
/// A token PIN. It never prints itself: <see cref="ToString"/> is redacted, so a PIN cannot reach a log line or an
/// exception message by accident. The bytes are wiped on dispose.
/// </summary>
public sealed class Pin : IDisposable
{
    private readonly byte[] _bytes;

    private Pin(byte[] bytes) => _bytes = bytes;

    /// <summary>Number of characters, for the credential rules.</summary>
    public int Length => _bytes.Length;

    /// <summary>Whether every character is printable 7-bit ASCII other than white space.</summary>
    public bool IsPrintableAsciiWithoutWhiteSpace => _bytes.All(b => b is > 0x20 and < 0x7F);

    /// <summary>Creates a PIN from its characters.</summary>
    public static Pin FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new Pin(Encoding.UTF8.GetBytes(value));
    }

    /// <summary>Gives the PIN bytes to the PKCS#11 call that needs them, and to nothing else.</summary>
    internal T Use<T>(Func<byte[], T> login) => login(_bytes);

    /// <inheritdoc />
    public override string ToString() => "[PIN withheld]";

    /// <inheritdoc />
    public void Dispose() => CryptographicOperations.ZeroMemory(_bytes);
}

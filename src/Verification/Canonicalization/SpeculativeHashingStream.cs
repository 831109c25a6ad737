using System.Security.Cryptography;

namespace Fedmd.Verification.Canonicalization;

/// <summary>
/// Hashes what is written with each of several algorithms at once, for a verifier that must digest content before it
/// can read the signature that names the DigestMethod: the caller takes the one named at the end.
/// </summary>
internal sealed class SpeculativeHashingStream(IEnumerable<HashAlgorithmName> algorithms) : WriteOnlyStream
{
    private readonly Dictionary<HashAlgorithmName, IncrementalHash> _hashes = algorithms.Distinct().ToDictionary(a => a, IncrementalHash.CreateHash);

    /// <summary>Every digest of what was written, by algorithm.</summary>
    public IReadOnlyDictionary<HashAlgorithmName, byte[]> Finish() => _hashes.ToDictionary(h => h.Key, h => h.Value.GetHashAndReset());

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        foreach (var hash in _hashes.Values)
        {
            hash.AppendData(buffer);
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var hash in _hashes.Values)
            {
                hash.Dispose();
            }
        }

        base.Dispose(disposing);
    }
}

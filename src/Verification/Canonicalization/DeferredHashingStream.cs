using System.Security.Cryptography;

namespace Fedmd.Verification.Canonicalization;

/// <summary>
/// Hashes what is written with an algorithm chosen after writing has begun: a verifier canonicalises the root's start
/// tag before it has read the signature that names the digest. Bytes written before <see cref="Start"/> are held
/// (a start tag and some whitespace in a well-formed document); after <see cref="Discard"/> nothing is kept. Every
/// byte also goes to <paramref name="copy"/> at once, when given: what was signed, written in the same pass.
/// </summary>
internal sealed class DeferredHashingStream(Stream? copy) : WriteOnlyStream
{
    private MemoryStream? _held = new();
    private IncrementalHash? _hash;

    /// <summary>Begins hashing with <paramref name="algorithm"/>, held bytes first.</summary>
    public void Start(HashAlgorithmName algorithm)
    {
        _hash = IncrementalHash.CreateHash(algorithm);
        _hash.AppendData(_held!.GetBuffer(), 0, (int)_held.Length);
        _held = null;
    }

    /// <summary>Drops held bytes and ignores what follows: there is no digest to compute.</summary>
    public void Discard() => _held = null;

    /// <summary>The digest, or null when hashing never started.</summary>
    public byte[]? Finish() => _hash?.GetHashAndReset();

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        copy?.Write(buffer);
        if (_hash is not null)
        {
            _hash.AppendData(buffer);
        }
        else
        {
            _held?.Write(buffer);
        }
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _hash?.Dispose();
            _held?.Dispose();
        }

        base.Dispose(disposing);
    }
}

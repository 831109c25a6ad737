using System.Security.Cryptography;

namespace Fedmd.Verification.Canonicalization;

/// <summary>
/// A write-only stream that feeds everything written to an <see cref="IncrementalHash"/>, so canonical bytes are
/// hashed as they are produced and never held in memory.
/// </summary>
public sealed class HashingStream(IncrementalHash hash) : WriteOnlyStream
{
    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer) => hash.AppendData(buffer);
}

namespace Fedmd.Signer.Signing;

/// <summary>
/// A read-only view of <paramref name="input"/> that writes every byte read through it to <paramref name="copy"/>,
/// with <paramref name="splice"/> written in just before the input's byte at offset <paramref name="at"/> (counted
/// from the input's position at creation). The signer reads the document once: the scanner digests what it reads
/// while the signed output, a placeholder for the signature included, is written from the same bytes.
/// </summary>
/// <remarks>The reader must read sequentially to the end; seeking would copy bytes twice, so it is not offered.</remarks>
internal sealed class SplicingTeeStream(Stream input, Stream copy, long at, ReadOnlyMemory<byte> splice) : Stream
{
    private long _read;
    private bool _spliced;

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        var read = input.Read(buffer);
        var chunk = buffer[..read];
        if (!_spliced && _read + read >= at)
        {
            var before = (int)(at - _read);
            copy.Write(chunk[..before]);
            copy.Write(splice.Span);
            copy.Write(chunk[before..]);
            _spliced = true;
        }
        else
        {
            copy.Write(chunk);
        }

        _read += read;
        return read;
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

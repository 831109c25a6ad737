namespace Fedmd.Signer.Signing;

/// <summary>
/// A read-only, seekable view of the bytes a signer has just written to a stream: from the position at creation
/// for <paramref name="length"/> bytes. The self-check and the audit read the signed output back through it.
/// </summary>
internal sealed class BoundedReadStream(Stream inner, long length) : Stream
{
    private readonly long _origin = inner.Position;

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => true;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => length;

    /// <inheritdoc />
    public override long Position
    {
        get => inner.Position - _origin;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            inner.Position = _origin + Math.Min(value, length);
        }
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        var left = length - Position;
        return left <= 0 ? 0 : inner.Read(buffer[..(int)Math.Min(buffer.Length, left)]);
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin)
    {
        Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => Position + offset,
            _ => length + offset,
        };
        return Position;
    }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

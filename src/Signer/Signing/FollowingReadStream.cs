using Microsoft.Win32.SafeHandles;

namespace Fedmd.Signer.Signing;

/// <summary>
/// Reads a file while it is written, from <paramref name="origin"/> on: each read waits until the writer has written
/// past it (<see cref="WriteProgress"/>), and the stream ends where the final output ends. Positional reads leave
/// the writer's position alone.
/// </summary>
internal sealed class FollowingReadStream(SafeFileHandle file, long origin, WriteProgress progress) : Stream
{
    private long _position;

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
        get => _position;
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        var end = progress.WaitBeyond(_position);
        if (end <= _position || buffer.IsEmpty)
        {
            return 0;
        }

        var read = RandomAccess.Read(file, buffer[..(int)Math.Min(buffer.Length, end - _position)], origin + _position);
        _position += read;
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

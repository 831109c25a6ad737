namespace Fedmd.Signer.Signing;

/// <summary>
/// The signer's view of its output file while a self-check reads behind it: every write goes to the file at once
/// (flushed, so that a positional read sees it) and is reported to <paramref name="progress"/>; reading, seeking
/// and cutting pass through, cutting reported too. Positions are the file's own; progress counts from the position at creation.
/// </summary>
internal sealed class ProgressReportingStream(FileStream file, WriteProgress progress) : Stream
{
    private readonly long _origin = file.Position;

    /// <inheritdoc />
    public override bool CanRead => file.CanRead;

    /// <inheritdoc />
    public override bool CanSeek => true;

    /// <inheritdoc />
    public override bool CanWrite => true;

    /// <inheritdoc />
    public override long Length => file.Length;

    /// <inheritdoc />
    public override long Position
    {
        get => file.Position;
        set => file.Position = value;
    }

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var at = file.Position - _origin;
        file.Write(buffer);
        file.Flush();
        progress.Wrote(at, buffer.Length);
    }

    /// <inheritdoc />
    public override void WriteByte(byte value) => Write([value]);

    /// <inheritdoc />
    public override void SetLength(long value)
    {
        file.SetLength(value);
        progress.Truncated(value - _origin);
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => file.Seek(offset, origin);

    /// <inheritdoc />
    public override void Flush() => file.Flush();

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => file.Read(buffer, offset, count);

    /// <inheritdoc />
    public override int Read(Span<byte> buffer) => file.Read(buffer);
}

namespace Fedmd.Signer.Signing;

/// <summary>
/// How far a signer has written its output, shared between the writing thread and a self-check reading behind it:
/// the end of what is written so far, every rewrite of bytes already written (the signature's placeholder is
/// overwritten last), and whether the writer finished or gave up. Positions count from the output's start.
/// </summary>
internal sealed class WriteProgress
{
    private readonly object _gate = new();
    private readonly List<(long Start, long End)> _rewrites = [];
    private long _written;
    private long _length = -1;
    private bool _truncated;
    private bool _abandoned;

    /// <summary>The writer wrote <paramref name="count"/> bytes at <paramref name="position"/>.</summary>
    public void Wrote(long position, int count)
    {
        lock (_gate)
        {
            if (position < _written)
            {
                _rewrites.Add((position, position + count));
            }

            _written = Math.Max(_written, position + count);
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>The writer cut the output to <paramref name="length"/> bytes.</summary>
    public void Truncated(long length)
    {
        lock (_gate)
        {
            _truncated |= length < _written;
        }
    }

    /// <summary>The writer is done: the output is final at <paramref name="length"/> bytes.</summary>
    public void Complete(long length)
    {
        lock (_gate)
        {
            _length = length;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>The writer failed; readers stop.</summary>
    public void Abandon()
    {
        lock (_gate)
        {
            _abandoned = true;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>
    /// Waits until bytes beyond <paramref name="position"/> are written or the output is final, and returns the end
    /// of what may be read (equal to <paramref name="position"/> at the end of the final output).
    /// </summary>
    /// <exception cref="OperationCanceledException">The writer gave up.</exception>
    public long WaitBeyond(long position)
    {
        lock (_gate)
        {
            while (!_abandoned && _length < 0 && _written <= position)
            {
                Monitor.Wait(_gate);
            }

            return _abandoned ? throw new OperationCanceledException("the signer stopped writing") : _length >= 0 ? _length : _written;
        }
    }

    /// <summary>
    /// Whether, once the output is final, every byte a reader saw is still what is there: nothing was cut, and every
    /// rewrite lies inside the region from <paramref name="start"/> for <paramref name="length"/> bytes.
    /// </summary>
    public bool RewroteOnlyWithin(long start, long length)
    {
        lock (_gate)
        {
            return _length >= 0 && !_truncated && _rewrites.TrueForAll(r => r.Start >= start && r.End <= start + length);
        }
    }
}

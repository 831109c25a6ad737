namespace Fedmd.Signer.Signing;

/// <summary>
/// How a decorator inspects what its inner signer wrote to a file without holding the document: the inner signer
/// writes to the seekable output, the decorator reads exactly those bytes back, and the output is left at their end.
/// </summary>
internal static class WrittenSignature
{
    /// <summary>
    /// Has <paramref name="inner"/> sign into <paramref name="output"/>, then returns what the signer reported and
    /// <paramref name="readBack"/> of the bytes written. An output that cannot be read back gets the in-memory
    /// signature and <paramref name="readBack"/> of those bytes.
    /// </summary>
    public static (SignedFile Signed, T Read) SignThenRead<T>(IMetadataSigner inner, FileSigningRequest request, Stream output, Func<Stream, T> readBack)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        if (!output.CanSeek || !output.CanRead)
        {
            var inMemory = request.InMemory();
            var signed = inner.Sign(inMemory);
            var result = readBack(new MemoryStream(signed, writable: false));
            output.Write(signed);
            return (new SignedFile(inMemory.EntityCount), result);
        }

        var start = output.Position;
        var signedFile = inner.SignFile(request, output);
        output.Flush();
        // A file's bytes go to disk while they are read back, so that the writer's own flush to disk, after this
        // returns, finds little left to write (a 95 MB feed's fsync took about 65 ms, as long as reading it back).
        // The handle is taken here: FileStream.SafeFileHandle flushes the stream's buffer, which must not race the
        // read-back below.
        var handle = (output as FileStream)?.SafeFileHandle;
        var durable = handle is null ? Task.CompletedTask : Task.Run(() => RandomAccess.FlushToDisk(handle));
        var end = output.Position;
        output.Position = start;
        T read;
        try
        {
            read = readBack(new BoundedReadStream(output, end - start));
        }
        finally
        {
            // Whatever the read-back did, the flush must have finished before the caller touches the file again.
            ((IAsyncResult)durable).AsyncWaitHandle.WaitOne();
        }

        durable.GetAwaiter().GetResult();
        output.Position = end;
        return (signedFile, read);
    }
}

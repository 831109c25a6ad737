namespace Fedmd.Pass.Work;

/// <summary>Creates the files a pass writes into its work directory: new, readable and writable by the owner alone.</summary>
internal static class WorkFile
{
    /// <summary>Creates <paramref name="path"/> (it must not exist), open for writing and reading back.</summary>
    public static FileStream Create(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Share = FileShare.Read, BufferSize = 1 << 16 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(path, options);
    }
}

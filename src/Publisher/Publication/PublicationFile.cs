namespace Fedmd.Publisher.Publication;

/// <summary>One file of a publication: its plain name inside the web root and its content.</summary>
/// <param name="Name">A plain file name (no directory, no leading dot), e.g. <c>fingerprint.html</c>.</param>
/// <param name="Content">What to publish.</param>
public sealed record PublicationFile(string Name, FileContent Content)
{
    /// <summary>A file of <paramref name="content"/> held in memory.</summary>
    public PublicationFile(string name, byte[] content)
        : this(name, FileContent.Of(content))
    {
    }

    /// <summary>The file name, checked so that no publication writes outside its directory or as a hidden file.</summary>
    public string Name { get; } = RequirePlainName(Name);

    /// <summary>Returns <paramref name="name"/> when it is a plain, visible file name; throws otherwise.</summary>
    /// <exception cref="ArgumentException">The name has a directory part, is empty, or starts with a dot.</exception>
    public static string RequirePlainName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return name == Path.GetFileName(name) && !name.StartsWith('.')
            ? name
            : throw new ArgumentException($"'{name}' is not a plain file name (no directory part, no leading dot)", nameof(name));
    }
}

namespace Fedmd.Publisher.Local;

/// <summary>
/// Where a web root's publications live. For <c>Publish:Directory</c> = <c>/srv/fedmd/publish</c>:
/// <c>/srv/fedmd/publish</c> is a symbolic link to <c>.publish.sets/&lt;id&gt;</c>, one complete publication;
/// <c>/srv/fedmd/.publish.sets/history/</c> is the history, reached from every set through its <c>history</c> link;
/// <c>/srv/fedmd/.publish.switch-*</c> are the links (or, after migrating a real directory, the old directory) of
/// a switch in progress.
/// </summary>
internal sealed class WebRootLayout
{
    /// <summary>What each set's <c>history</c> link holds: the shared history beside the sets.</summary>
    public const string HistoryLinkTarget = "../" + HistoryName;

    private const string HistoryName = "history";

    public WebRootLayout(string webRoot)
    {
        Served = Path.TrimEndingDirectorySeparator(Path.GetFullPath(webRoot));
        Parent = Path.GetDirectoryName(Served) ?? throw new ArgumentException($"the web root {webRoot} cannot be the file system's root", nameof(webRoot));
        var name = Path.GetFileName(Served);
        Sets = Path.Combine(Parent, $".{name}.sets");
        History = Path.Combine(Sets, HistoryName);
        SwitchPrefix = $".{name}.switch-";
    }

    /// <summary>The served path (<c>Publish:Directory</c>): a link to the current set, or a real directory before the first switch.</summary>
    public string Served { get; }

    /// <summary>The directory holding the served path.</summary>
    public string Parent { get; }

    /// <summary>The directory of the complete sets and the history.</summary>
    public string Sets { get; }

    /// <summary>The history directory.</summary>
    public string History { get; }

    /// <summary>The name prefix, in <see cref="Parent"/>, of a switch in progress.</summary>
    public string SwitchPrefix { get; }

    /// <summary>Whether the served path is still a real directory (an installation from before sets, or the advisory's first page).</summary>
    public bool ServedIsRealDirectory => Directory.Exists(Served) && new DirectoryInfo(Served).LinkTarget is null;

    /// <summary>The name of the set the served path links to, or null when it links to none.</summary>
    public string? CurrentSet() =>
        new FileInfo(Served).LinkTarget is { } target && Path.GetDirectoryName(target) == Path.GetFileName(Sets) ? Path.GetFileName(target) : null;

    /// <summary>The link content that makes the served path show set <paramref name="id"/>; relative, so the tree can move.</summary>
    public string LinkTo(string id) => Path.Combine(Path.GetFileName(Sets), id);

    /// <summary>Whether <paramref name="entry"/>, a name in <see cref="Sets"/>, is the history rather than a set.</summary>
    public static bool IsHistory(string entry) => Path.GetFileName(entry) == HistoryName;
}

namespace Fedmd.Pass;

/// <summary>Where a pass reads and writes, after command-line overrides; fixed for the process.</summary>
/// <param name="EntitiesDirectory">The registry directory (or a single entity file).</param>
/// <param name="PublishDirectory">The web root.</param>
/// <param name="AllowDrop">The operator confirmed that feeds may shrink beyond the drop guard's limit (<c>--allow-drop</c>).</param>
public sealed record PassSettings(string EntitiesDirectory, string PublishDirectory, bool AllowDrop = false)
{
    /// <summary>
    /// Whether a successful pass is remembered as the last one, so that a service that was down at a scheduled hour
    /// catches up on start. The scheduled service's passes are; an operator's <c>run --once</c> is not.
    /// </summary>
    public bool RemembersLastPass { get; init; }

    /// <summary>
    /// The directory (the state directory) in which each pass makes its work directory for entity bytes and feeds,
    /// so that its memory does not grow with the registry; nothing is left there after the pass. Null: the system's
    /// temporary directory.
    /// </summary>
    public string? WorkDirectory { get; init; }
}

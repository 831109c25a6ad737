namespace Fedmd.Cli.Publication;

/// <summary>Where one pass reads and writes, after command-line overrides.</summary>
/// <param name="EntitiesDirectory">The registry directory (or a single entity file).</param>
/// <param name="PublishDirectory">The web root.</param>
/// <param name="AllowDrop">The operator confirmed that feeds may shrink beyond the drop guard's limit (<c>--allow-drop</c>).</param>
public sealed record PassSettings(string EntitiesDirectory, string PublishDirectory, bool AllowDrop = false);

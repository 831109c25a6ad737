namespace Fedmd.Cli.Publication;

/// <summary>Where one pass reads and writes, after command-line overrides.</summary>
/// <param name="EntitiesDirectory">The registry directory (or a single entity file).</param>
/// <param name="PublishDirectory">The web root.</param>
public sealed record PassSettings(string EntitiesDirectory, string PublishDirectory);

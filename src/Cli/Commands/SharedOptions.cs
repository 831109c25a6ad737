using System.CommandLine;

namespace Fedmd.Cli.Commands;

/// <summary>Options several commands share.</summary>
internal static class SharedOptions
{
    /// <summary><c>--config FILE</c>: the JSON configuration; defaults to <c>$FEDMD_CONFIG</c>, then <c>./fedmd.json</c>.</summary>
    public static Option<string?> Config { get; } = new("--config")
    {
        Description = "Configuration file (default: $FEDMD_CONFIG, then ./fedmd.json)",
        Recursive = true,
    };
}

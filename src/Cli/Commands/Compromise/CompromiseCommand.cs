using System.CommandLine;

namespace Fedmd.Cli.Commands.Compromise;

/// <summary><c>fedmd compromise</c>: the answers to a compromised key.</summary>
internal static class CompromiseCommand
{
    /// <summary>Builds the group; every step reads <paramref name="clock"/>.</summary>
    public static Command Create(TimeProvider clock)
    {
        var compromise = new Command("compromise", "Replace a compromised key at once, republish, and tell the participants");
        compromise.Subcommands.Add(CompromiseMetadataCommand.Create(clock));
        return compromise;
    }
}

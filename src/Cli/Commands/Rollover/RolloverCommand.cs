using System.CommandLine;

namespace Fedmd.Cli.Commands.Rollover;

/// <summary><c>fedmd rollover</c>: the key rollover command group.</summary>
internal static class RolloverCommand
{
    /// <summary>Builds the group; every step reads <paramref name="clock"/>.</summary>
    public static Command Create(TimeProvider clock)
    {
        var rollover = new Command("rollover", "Roll a signing key or certificate over to a new one, announced ahead and under dual control");
        rollover.Subcommands.Add(RolloverMetadataCommand.Create(clock));
        return rollover;
    }
}

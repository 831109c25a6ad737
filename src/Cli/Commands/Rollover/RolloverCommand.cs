using System.CommandLine;

namespace Fedmd.Cli.Commands.Rollover;

/// <summary><c>fedmd rollover</c>: the key rollovers, one subcommand group per key.</summary>
internal static class RolloverCommand
{
    /// <summary>Builds the group; every step reads <paramref name="clock"/>.</summary>
    public static Command Create(TimeProvider clock)
    {
        var rollover = new Command("rollover",
            "Roll a signing key or certificate over, announced ahead and under dual control: saml (an operated entity's SAML signing certificate), metadata (the metadata signing key)");
        rollover.Subcommands.Add(RolloverSamlCommand.Create(clock));
        rollover.Subcommands.Add(RolloverMetadataCommand.Create(clock));
        return rollover;
    }
}

using System.CommandLine;

namespace Fedmd.Cli.Commands.Rollover;

/// <summary><c>fedmd rollover</c>: the key rollovers, one subcommand group per key.</summary>
internal static class RolloverCommand
{
    /// <summary>Builds the group.</summary>
    public static Command Create(TimeProvider clock)
    {
        var rollover = new Command("rollover", "Roll a signing key and certificate: saml (an operated entity's SAML signing certificate)");
        rollover.Subcommands.Add(RolloverSamlCommand.Create(clock));
        return rollover;
    }
}

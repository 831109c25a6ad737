using System.CommandLine;

namespace Fedmd.Cli.Commands.Compromise;

/// <summary><c>fedmd compromise</c>: the answers to a compromised key, one subcommand per key.</summary>
internal static class CompromiseCommand
{
    /// <summary>Builds the group; every step reads <paramref name="clock"/>.</summary>
    public static Command Create(TimeProvider clock)
    {
        var compromise = new Command("compromise",
            "Answer a compromised key at once (dual control): saml (an entity's SAML signing certificate), metadata (the metadata signing key)");
        compromise.Subcommands.Add(CompromiseSamlCommand.Create(clock));
        compromise.Subcommands.Add(CompromiseMetadataCommand.Create(clock));
        return compromise;
    }
}

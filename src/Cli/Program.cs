using System.CommandLine;
using Fedmd.Cli.Commands;
using Fedmd.Cli.Commands.Compromise;
using Fedmd.Cli.Commands.Rollover;

namespace Fedmd.Cli;

/// <summary>The <c>fedmd</c> command line.</summary>
public static class Program
{
    /// <summary>Parses the command line and runs the command; usage errors exit 2.</summary>
    public static int Main(string[] args)
    {
        // The one clock of the process: every command and every component of a pass reads it.
        var clock = TimeProvider.System;
        var root = new RootCommand("fedmd: aggregate, validate, sign (PKCS#11) and publish SAML federation metadata");
        root.Options.Add(SharedOptions.Config);
        root.Subcommands.Add(RunCommand.Create(clock));
        root.Subcommands.Add(CheckCommand.Create(clock));
        root.Subcommands.Add(SignCommand.Create(clock));
        root.Subcommands.Add(VerifyCommand.Create());
        root.Subcommands.Add(FetchCommand.Create(clock));
        root.Subcommands.Add(KeysCommand.Create(clock));
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(DemoCommand.Create(clock));
        root.Subcommands.Add(AdvisoryCommand.Create(clock));
        root.Subcommands.Add(StatusCommand.Create(clock));
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(RolloverCommand.Create(clock));
        root.Subcommands.Add(CompromiseCommand.Create(clock));
        root.Subcommands.Add(ApproveCommand.Create(clock));
        root.Subcommands.Add(DbCommand.Create());

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                Console.Error.WriteLine($"fedmd: {error.Message}");
            }

            Console.Error.WriteLine("Run 'fedmd --help' for usage.");
            return 2;
        }

        // The scheduled service handles Ctrl-C itself so that the running pass completes.
        return parsed.Invoke(new InvocationConfiguration { ProcessTerminationTimeout = null });
    }
}

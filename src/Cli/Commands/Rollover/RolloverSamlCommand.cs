using System.CommandLine;
using Fedmd.Cli.Composition;
using Fedmd.Cli.Configuration;
using Fedmd.Cli.Printing;
using Fedmd.KeyLifecycle.Saml;
using Fedmd.Signer.Pkcs11;

namespace Fedmd.Cli.Commands.Rollover;

/// <summary>
/// <c>fedmd rollover saml plan|stage|activate|retire|status --entity ENTITYID [--json]</c>: exit 0 done, 1 refused
/// (too early, missing approvals, wrong phase), 2 usage, 3 infrastructure.
/// </summary>
internal static class RolloverSamlCommand
{
    /// <summary>Builds the group.</summary>
    public static Command Create(TimeProvider clock)
    {
        var saml = new Command("saml", "Roll an operated entity's SAML signing certificate: plan → stage → activate → retire");
        var keyFile = new Option<string?>("--key-file") { Description = "Use the hub's PEM private key on disk instead of generating one on the token" };
        saml.Subcommands.Add(Step("plan", "Make the new key (on the token, or --key-file) and its self-signed certificate", clock,
            (options, rollover, entity, parseResult) => rollover.Plan(entity, KeySource(options, parseResult.GetValue(keyFile), clock)), keyFile));
        saml.Subcommands.Add(Step("stage", "Add the new certificate to the entity's registry file beside the old one", clock,
            (_, rollover, entity, _) => rollover.Stage(entity)));
        saml.Subcommands.Add(Step("activate", "Switch the hub to the new key (dual control; after the overlap)", clock,
            (_, rollover, entity, _) => rollover.Activate(entity)));
        saml.Subcommands.Add(Step("retire", "Remove the old certificate from the registry (after Rollover:RetireAfter)", clock,
            (_, rollover, entity, _) => rollover.Retire(entity)));
        saml.Subcommands.Add(Step("status", "The rollover's phase, timestamps and next step", clock,
            (_, rollover, entity, _) => rollover.Status(entity)));
        return saml;
    }

    private static Command Step(string name, string description, TimeProvider clock, Func<FedmdOptions, SamlRollover, string, ParseResult, StepReport> run, params Option[] extra)
    {
        var entity = new Option<string>("--entity") { Description = "The entityID whose SAML signing certificate rolls", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var command = new Command(name, description);
        command.Options.Add(entity);
        command.Options.Add(json);
        foreach (var option in extra)
        {
            command.Options.Add(option);
        }

        command.SetAction(parseResult => CommandExecution.WithConfiguration(parseResult, (options, log) =>
        {
            var entityId = parseResult.GetValue(entity)!;
            var report = run(options, KeyLifecycleComponents.SamlRollover(options, clock), entityId, parseResult);
            log.Information("{Step} {Entity}: {Outcome}", report.Step, entityId, report.Done ? "done" : "refused");
            var exit = StepReportOutput.Print(report, parseResult.GetValue(json), Console.Out);
            foreach (var warning in KeyLifecycleComponents.LifetimeWarnings(options, clock))
            {
                log.Warning("{CertificateLifetime}", warning);
                Console.Error.WriteLine($"fedmd: warning: {warning}");
            }

            return exit;
        }));
        return command;
    }

    private static ISamlKeySource KeySource(FedmdOptions options, string? keyFile, TimeProvider clock)
    {
        if (keyFile is not null)
        {
            return new KeyFileSamlKeySource(keyFile);
        }

        // The new key goes on the token that holds the metadata signing key, reached with the same PIN.
        var token = Pkcs11KeyUri.Parse(options.Signing.KeyUri);
        var pin = SigningComponents.PinSourceOf(options.Signing);
        return new ModuleOwningKeySource(token, pin, options.Rollover.KeyBits, clock);
    }
}

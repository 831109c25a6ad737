using System.CommandLine;
using Fedmd.Cli.Composition;
using Fedmd.Cli.Printing;
using Fedmd.KeyLifecycle.Compromise;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Values;

namespace Fedmd.Cli.Commands.Compromise;

/// <summary>
/// <c>fedmd compromise saml --entity ENTITYID --certificate SHA256:HEX [--json]</c>: removes the certificate from the
/// entity's registry file (dual control), publishes at once and writes <c>StateDirectory/contacts-to-notify.csv</c>.
/// </summary>
internal static class CompromiseSamlCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TimeProvider clock)
    {
        var entity = new Option<string>("--entity") { Description = "The entityID whose certificate is compromised", Required = true };
        var certificate = new Option<string>("--certificate") { Description = "The compromised certificate's SHA-256 fingerprint, SHA256:HEX", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var command = new Command("saml", "Remove a compromised SAML certificate from an entity and publish at once");
        command.Options.Add(entity);
        command.Options.Add(certificate);
        command.Options.Add(json);
        command.SetAction(parseResult => CommandExecution.WithConfiguration(parseResult, (options, log) =>
        {
            CertificateFingerprint fingerprint;
            try
            {
                fingerprint = CertificateFingerprint.Parse(parseResult.GetValue(certificate)!);
            }
            catch (FormatException e)
            {
                throw new FedmdException(FailureKind.Configuration, $"--certificate: {e.Message}", e);
            }

            if (fingerprint.Algorithm != FingerprintAlgorithm.Sha256)
            {
                throw new FedmdException(FailureKind.Configuration, "--certificate names the certificate by its SHA-256 fingerprint: SHA256:HEX");
            }

            var events = KeyLifecycleComponents.Events(options, clock);
            var compromise = new SamlCompromise(
                options.Registry.EntitiesDirectory,
                options.Registry.MaxEntityBytes,
                new DeferredApprovalGate(() => KeyLifecycleComponents.Gate(options, events, clock)),
                events,
                new HostImmediatePass(options, clock, log),
                Path.Combine(options.StateDirectory, ContactsToNotify.FileName));
            var report = compromise.Respond(parseResult.GetValue(entity)!, fingerprint);
            log.Information("{Step} {Entity}: {Outcome}", report.Step, report.EntityId, report.Done ? "done" : "refused");
            return StepReportOutput.Print(report, parseResult.GetValue(json), Console.Out);
        }));
        return command;
    }
}

using System.CommandLine;
using Fedmd.Cli.Composition;
using Fedmd.KeyLifecycle.DualControl;
using Fedmd.Metadata.Failures;

namespace Fedmd.Cli.Commands;

/// <summary>
/// <c>fedmd approve CHANGE-ID [--key FILE] [--principal NAME]</c>: an operator approves a dual-controlled change by
/// signing an approval with their own SSH key (<c>ssh-keygen -Y sign -n fedmd-approval</c>).
/// </summary>
internal static class ApproveCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TimeProvider clock)
    {
        var change = new Argument<string>("CHANGE-ID") { Description = "The change id printed by the step that needs approvals" };
        var key = new Option<string?>("--key") { Description = "Your SSH private key (default: ~/.ssh/id_ed25519); ssh-keygen reads it itself" };
        var principal = new Option<string?>("--principal") { Description = "Your principal in Rollover:AllowedSigners (default: your user name)" };
        var command = new Command("approve", "Approve a dual-controlled key operation with your own SSH key");
        command.Arguments.Add(change);
        command.Options.Add(key);
        command.Options.Add(principal);
        command.SetAction(parseResult => CommandExecution.WithConfiguration(parseResult, (options, log) =>
        {
            var id = ChangeId.TryParse(parseResult.GetValue(change))
                ?? throw new FedmdException(FailureKind.Configuration, $"'{parseResult.GetValue(change)}' is not a change id such as saml-activate-3f9a1c2b7d04; copy it from the step's output");
            var who = parseResult.GetValue(principal) ?? Environment.UserName;
            if (!ApprovalDocument.IsPrincipal(who))
            {
                throw new FedmdException(FailureKind.Configuration, $"--principal '{who}' is not a principal (no spaces, commas or quotes); use your name in Rollover:AllowedSigners");
            }

            var keyFile = Path.GetFullPath(parseResult.GetValue(key) ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".ssh", "id_ed25519"));
            if (!File.Exists(keyFile))
            {
                throw new FedmdException(FailureKind.Configuration, $"--key {keyFile} does not exist; name your SSH private key (ssh-keygen -t ed25519 makes one)");
            }

            var approver = new Approver(KeyLifecycleComponents.Approvals(options), new SshKeygen(), KeyLifecycleComponents.Events(options, clock), clock);
            var (document, signature) = approver.Approve(id, who, keyFile, KeyLifecycleComponents.ApprovalLifetime(options));
            log.Information("Approval of {Change} by {Principal}", id.Value, who);
            Console.Out.WriteLine($"approved {id} as {who}, valid until {document.ExpiresAt:u}");
            Console.Out.WriteLine($"  signature: {signature}");
            Console.Out.WriteLine("next: a second operator approves the same change id; then the step that printed it is run again");
            return CommandExecution.Success;
        }));
        return command;
    }
}

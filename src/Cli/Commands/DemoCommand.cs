using System.CommandLine;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Registry;
using Fedmd.Cli.Composition;
using Fedmd.Cli.Logging;
using Fedmd.Cli.Printing;
using Fedmd.Metadata.Failures;
using Fedmd.Pass;
using Fedmd.Pass.State;
using Fedmd.Publisher.Fingerprints;
using Fedmd.Verification;

namespace Fedmd.Cli.Commands;

/// <summary>
/// <c>fedmd demo</c>: one full pass over the sample registry, then verification of the published file against the
/// published certificate, then a lint of the broken samples so a new user sees what rejection looks like.
/// (The <c>./fedmd</c> wrapper installs the system packages, builds, and initialises the development token first.)
/// </summary>
internal static class DemoCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(TimeProvider clock)
    {
        var command = new Command("demo", "Run one full pass over metadata-samples/, verify the result, and show what a rejection looks like");
        command.SetAction(parseResult => CommandExecution.WithConfiguration(parseResult, (options, log) =>
        {
            var settings = RunCommand.Settings(options, null, null);
            var typed = TypedConfiguration.From(options);
            var state = StateComponents.Open(options);
            PassOutcome outcome;
            using (var signing = PassSigning.Open(options, typed, state, clock, log))
            using (var pass = PassComponents.Create(options, typed, settings, StateComponents.ForPass(options, null, clock.GetUtcNow), signing, new LoggedPassEvents(log), clock))
            {
                outcome = pass.Pass.RunAsync(CancellationToken.None).GetAwaiter().GetResult();
            }

            Console.Out.WriteLine("== One pass over " + settings.EntitiesDirectory);
            PassSummary.Print(outcome, Console.Out);

            var feed = Path.Combine(settings.PublishDirectory, options.Aggregate.FileName);
            var certificate = Path.Combine(settings.PublishDirectory, FingerprintFacts.CertificateFileName);
            var verdict = new StrictVerifier(new VerificationOptions
            {
                PinnedCertificates = [CertificateFiles.LoadPem(certificate, "published certificate")],
                Clock = clock,
            }).Verify(File.ReadAllBytes(feed));
            Console.Out.WriteLine();
            Console.Out.WriteLine("== Verification of the published file against " + certificate);
            if (!verdict.IsValid)
            {
                throw new FedmdException(FailureKind.Infrastructure, $"the published {feed} does not verify: {verdict.Failure}");
            }

            Console.Out.WriteLine($"{feed}: valid, signed by {verdict.Signer!.ToDisplayString()}");

            var bad = Path.Combine(settings.EntitiesDirectory, "bad");
            if (Directory.Exists(bad))
            {
                var lint = AggregatorComponents.CreatePipelines(options).Registry.Run(
                    new RegistryDirectory(bad, options.Registry.MaxEntityBytes).ReadItems(), new PassContext(clock.GetUtcNow(), ((ILedgerStore)state).Read()));
                Console.Out.WriteLine();
                Console.Out.WriteLine($"== The broken samples in {bad} ({lint.Rejected.Count} of {lint.Items.Count} rejected; not published)");
                PassSummary.PrintFindings(lint.Items.Where(i => i.Messages.Count > 0), Console.Out);
            }

            Console.Out.WriteLine();
            Console.Out.WriteLine($"Open {Path.Combine(settings.PublishDirectory, FingerprintFacts.HtmlFileName)} to see the fingerprint page.");
            return CommandExecution.Success;
        }));
        return command;
    }
}

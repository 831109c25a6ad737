using Fedmd.Cli.Commands;
using Fedmd.Cli.Configuration;
using Fedmd.Cli.Printing;
using Fedmd.KeyLifecycle.Compromise;
using Fedmd.Metadata.Failures;
using Fedmd.Publisher.Targets;
using Serilog;

namespace Fedmd.Cli.Composition;

/// <summary>The pass <c>compromise</c> runs at once: <c>fedmd run --once</c>'s, over the configured registry and web root.</summary>
internal sealed class HostImmediatePass(FedmdOptions options, TimeProvider clock, ILogger log) : IImmediatePass
{
    /// <inheritdoc />
    public IReadOnlyList<string> Run()
    {
        var settings = RunCommand.Settings(options, null, null);
        PublishingComponents.RequireReadyToPublish(options, settings.PublishDirectory, clock);
        var outcome = OncePass.Run(options, TypedConfiguration.From(options), settings, clock, log);
        IncompletePublication.ThrowIfAnyFailed(outcome.Targets);
        using var summary = new StringWriter();
        PassSummary.Print(outcome, summary);
        if (outcome.Refused.Count > 0)
        {
            throw new FedmdException(FailureKind.InvalidDocument, $"the certificate is removed from the registry, but the pass refused to publish: {PassSummary.RefusalLine(outcome)}; fix that and run fedmd run --once at once");
        }

        return ["published at once:", .. summary.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => "  " + l)];
    }
}

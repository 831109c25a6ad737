using Fedmd.Aggregator.Sources;
using Fedmd.Cli.Configuration;
using Fedmd.Fetcher;
using Fedmd.Pass;
using Fedmd.Pass.Metrics;
using Fedmd.Pass.Steps;
using Fedmd.Publisher.Advisories;
using Fedmd.Verification;

namespace Fedmd.Cli.Composition;

/// <summary>
/// The publication pass as configured, built once per process: the pipelines and their compiled schemas, the feeds,
/// the guard rails, the sources, the signer and the targets. Every pass of the scheduled service runs this one.
/// </summary>
internal sealed class PassComponents : IDisposable
{
    private readonly PublishingComponents _publishing;

    private PassComponents(PublishingComponents publishing, PublicationPass pass)
    {
        _publishing = publishing;
        Pass = pass;
    }

    /// <summary>The composed pass, ready to run once or every hour; it holds nothing of any one run.</summary>
    public PublicationPass Pass { get; }

    /// <summary>Composes the pass's steps around the keys of <paramref name="signing"/>.</summary>
    /// <exception cref="Metadata.Failures.FedmdException">A configured file is missing or unsafe (exit 2).</exception>
    public static PassComponents Create(FedmdOptions options, TypedConfiguration typed, PassSettings settings, PassState state, PassSigning signing, IPassEvents events, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(signing);
        return Create(options, typed, settings, state, signing.Signer, signing.MirrorVerifier, events, clock, signing.NextKeySigner, signing.Keys);
    }

    /// <summary>
    /// Composes the pass's steps around <paramref name="signer"/> (and, during an announcement, <paramref name="nextKeySigner"/>
    /// for the versioned names); mirrors re-check with <paramref name="mirrorVerifier"/>.
    /// </summary>
    /// <exception cref="Metadata.Failures.FedmdException">A configured file is missing or unsafe (exit 2).</exception>
    public static PassComponents Create(
        FedmdOptions options, TypedConfiguration typed, PassSettings settings, PassState state, IFeedSigner signer, StrictVerifier mirrorVerifier, IPassEvents events, TimeProvider clock,
        IFeedSigner? nextKeySigner = null, MetadataSigningKeys? keys = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        var sources = AggregatorComponents.Sources(options, typed, state.Files);
        var aggregation = AggregatorComponents.CreateAggregation(AggregatorComponents.CreatePipelines(options), options, typed, guarded: true, settings.AllowDrop);
        var publishing = PublishingComponents.Create(options, typed, settings.PublishDirectory, mirrorVerifier, clock, keys?.Rollover, keys?.Previous);
        var timings = new StepTimings();
        var steps = new PassSteps(
            Timed("collect", new CollectStep(options.Registry.MaxEntityBytes, new SourceImporter(new MetadataFetcher(clock), clock), sources), timings),
            Timed("judge", new JudgeStep(aggregation, events), timings),
            Timed("plan", new PlanFeedsStep(aggregation, state.Files), timings),
            Timed("assemble", new AssembleStep(options.Registry.MaxEntityBytes), timings),
            Timed("sign", new SignStep(signer, nextKeySigner), timings),
            Timed("register", new RegisterStep(state.Ledger), timings),
            Timed("publish", new PublishStep(publishing.Dispatcher, publishing.Pages, new AdvisoryPublisher(settings.PublishDirectory, options.Federation.Name), events), timings),
            new MetricsWritingStep(Timed("record", new RecordStep(state.Baseline, state.LastPass, settings.RemembersLastPass), timings), timings, state.Files.MetricsPath));
        return new PassComponents(publishing, new PublicationPass(steps, settings with { WorkDirectory = state.Files.Directory }, state.Lock, state.Ledger, state.Baseline, clock));
    }

    /// <inheritdoc />
    public void Dispose() => _publishing.Dispose();

    private static TimedStep<TInput, TOutput> Timed<TInput, TOutput>(string name, IPassStep<TInput, TOutput> step, StepTimings timings) => new(name, step, timings);
}

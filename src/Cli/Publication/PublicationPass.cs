using System.Text;
using Fedmd.Aggregator.Assembly;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Registry;
using Fedmd.Cli.Composition;
using Fedmd.Cli.Configuration;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Values;
using Fedmd.Metadata.Xml;
using Fedmd.Publisher.Fingerprints;
using Fedmd.Publisher.Publication;
using Fedmd.Signer.Signing;
using Serilog;

namespace Fedmd.Cli.Publication;

/// <summary>
/// One full pass: read the registry, run the pipeline, write the aggregate, sign it (self-checked), publish it with the
/// certificate and the fingerprint page. Nothing is published unless every step before succeeded.
/// </summary>
public sealed class PublicationPass(FedmdOptions options, SigningComponents signing, ILogger log, TimeProvider clock)
{
    /// <summary>Name of the published signing certificate.</summary>
    public const string CertificateFileName = FingerprintFacts.CertificateFileName;

    /// <summary>Name of the out-of-band fingerprint page.</summary>
    public const string FingerprintPageFileName = FingerprintFacts.HtmlFileName;

    /// <summary>Runs the pass.</summary>
    /// <exception cref="FedmdException">The pass refused to publish or failed; the previous publication is untouched.</exception>
    public PassOutcome Run(PassSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var items = new RegistryDirectory(settings.EntitiesDirectory, options.Registry.MaxEntityBytes).ReadItems();
        var result = AggregatorComponents.CreatePipeline(options).Run(items);
        foreach (var item in result.Items)
        {
            foreach (var message in item.Messages)
            {
                log.Information("{Source}: {Finding}", item.Source, message.ToString());
            }
        }

        log.Information("Registry {Directory}: {Accepted} entities accepted, {Rejected} rejected",
            settings.EntitiesDirectory, result.Accepted.Count, result.Rejected.Count);
        if (result.Accepted.Count == 0)
        {
            throw new FedmdException(FailureKind.InvalidDocument,
                $"no entity in {settings.EntitiesDirectory} passed validation; refusing to publish an empty aggregate (the previous publication is untouched)");
        }

        var now = clock.GetUtcNow();
        var header = new AggregateHeader(
            options.Aggregate.Name,
            AggregateHeader.NewId(),
            now + XsDuration.Parse(options.Aggregate.ValidFor).Value,
            XsDuration.Parse(options.Aggregate.CacheDuration),
            options.Federation.Publisher,
            now);
        var signed = Sign(header, result.Accepted);

        var certificate = SigningCertificateInfo.From(signing.Certificate);
        using var publishing = PublishingComponents.Create(options, settings.PublishDirectory, signing.Verifier, log, clock);
        var published = publishing.Publish(
            [new SignedFeed(options.Aggregate.FileName, signed, header.ValidUntil, header.CacheDuration, result.Accepted.Count)],
            [Report(result)],
            certificate,
            now);
        log.Information("Published {File} ({Entities} entities, validUntil {ValidUntil}) signed by {Fingerprint}",
            options.Aggregate.FileName, result.Accepted.Count, AggregateWriter.Timestamp(header.ValidUntil), certificate.Sha256.ToString());
        return new PassOutcome(
            result.Accepted,
            result.Rejected,
            result.Accepted.Where(i => i.Messages.Count > 0).ToList(),
            certificate.Sha256,
            published.WrittenPaths,
            header.ValidUntil,
            published.Targets);
    }

    private byte[] Sign(AggregateHeader header, IReadOnlyList<EntityItem> accepted)
    {
        using var buffer = new MemoryStream();
        new AggregateWriter(new SafeXmlLoader(options.Registry.MaxEntityBytes)).Write(buffer, header, accepted);
        var document = new SafeXmlLoader(Math.Max(buffer.Length, 1)).Load(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
        return signing.Signer.Sign(new SigningRequest(Path.GetFileNameWithoutExtension(options.Aggregate.FileName), document, accepted.Count, header.ValidUntil));
    }

    private static PublicationFile Report(PipelineResult result)
    {
        using var report = new StringWriter();
        report.WriteLine($"Accepted: {result.Accepted.Count}");
        PassSummary.PrintFindings(result.Accepted, report);
        report.WriteLine($"Rejected: {result.Rejected.Count}");
        PassSummary.PrintFindings(result.Rejected, report);
        return new PublicationFile("report.txt", Encoding.UTF8.GetBytes(report.ToString()));
    }
}

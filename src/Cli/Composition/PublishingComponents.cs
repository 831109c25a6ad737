using Fedmd.Cli.Configuration;
using Fedmd.Publisher.Advisories;
using Fedmd.Publisher.Fingerprints;
using Fedmd.Publisher.History;
using Fedmd.Publisher.Local;
using Fedmd.Publisher.Mirrors;
using Fedmd.Publisher.Publication;
using Fedmd.Publisher.Retries;
using Fedmd.Publisher.Targets;
using Fedmd.Verification;
using Serilog;
using Serilog.Events;

namespace Fedmd.Cli.Composition;

/// <summary>
/// The publisher as configured: the local web root (with history and the secrets guard) first, then every mirror
/// behind bounded retries; the fingerprint pages are rendered from the signed feeds.
/// </summary>
public sealed class PublishingComponents : IDisposable
{
    private readonly FedmdOptions _options;
    private readonly string _webRoot;
    private readonly List<HttpClient> _clients;
    private readonly PublicationDispatcher _dispatcher;
    private readonly ILogger _log;

    private PublishingComponents(FedmdOptions options, string webRoot, List<HttpClient> clients, PublicationDispatcher dispatcher, ILogger log)
    {
        _log = log;
        _options = options;
        _webRoot = webRoot;
        _clients = clients;
        _dispatcher = dispatcher;
    }

    /// <summary>Checks the web root and the mirror credentials and builds the targets.</summary>
    /// <exception cref="Metadata.Failures.FedmdException">A secret lies under the web root, or a mirror credential is unusable (exit 2).</exception>
    public static PublishingComponents Create(FedmdOptions options, string webRoot, StrictVerifier verifier, ILogger log, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        RequireSafeWebRoot(options, webRoot);
        var history = new PublicationHistory(Path.Combine(webRoot, LocalWebRootTarget.HistoryDirectoryName), options.Publish.HistoryVersions);
        var local = new LocalWebRootTarget(webRoot, history, Secrets(options));
        var retry = options.Publish.MirrorRetry;
        var policy = new BackoffPolicy(retry.Attempts, TimeSpan.FromSeconds(retry.FirstDelaySeconds), TimeSpan.FromSeconds(retry.MaxDelaySeconds));
        var clients = new List<HttpClient>();
        var mirrors = new List<IPublicationTarget>();
        try
        {
            foreach (var endpoint in Endpoints(options))
            {
                var client = MirrorHttpClientFactory.Create(endpoint);
                clients.Add(client);
                mirrors.Add(new RetryingTarget(new WebDavMirrorTarget(endpoint, client, verifier), policy, new ClockPause(clock)));
            }
        }
        catch
        {
            clients.ForEach(c => c.Dispose());
            throw;
        }

        return new PublishingComponents(options, webRoot, clients, new PublicationDispatcher(local, mirrors), log);
    }

    /// <summary>
    /// Checks before the program starts publishing: the web root holds no secret, and every mirror's credentials load
    /// (files present, client key owner-only, CA readable).
    /// </summary>
    /// <exception cref="Metadata.Failures.FedmdException">The web root or a mirror credential is unsafe or unusable (exit 2).</exception>
    public static void RequireReadyToPublish(FedmdOptions options, string webRoot)
    {
        RequireSafeWebRoot(options, webRoot);
        foreach (var endpoint in Endpoints(options))
        {
            MirrorHttpClientFactory.Create(endpoint).Dispose();
        }
    }

    /// <summary>Refuses a web root holding a PIN or private key.</summary>
    /// <exception cref="Metadata.Failures.FedmdException">A secret lies under the web root (exit 2).</exception>
    public static void RequireSafeWebRoot(FedmdOptions options, string webRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        WebRootGuard.Require(webRoot, Secrets(options));
    }

    /// <summary>
    /// Publishes the feeds with their fingerprint pages and the pass's reports: to the web root (a failure there
    /// throws), then to each mirror (each outcome reported).
    /// </summary>
    public PublicationRun Publish(IReadOnlyList<SignedFeed> feeds, IReadOnlyList<PublicationFile> reports, SigningCertificateInfo certificate, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(feeds);
        var facts = new FingerprintFacts(
            _options.Federation.Name,
            feeds.Select(f => new FeedListing(f.FileName, FeedUrl(f.FileName), f.ValidUntil, f.CacheDuration.Text, f.EntityCount, certificate)).ToList(),
            Rollover(),
            VerificationOptions.DefaultMaxValidity,
            now);
        var pages = FingerprintFiles.Render(facts).Append(new AdvisoryPublisher(_webRoot, _options.Federation.Name).Current()).ToList();
        var publication = new PublicationSet(feeds, pages, reports, now);
        var outcomes = _dispatcher.PublishAsync(publication, CancellationToken.None).GetAwaiter().GetResult();
        foreach (var outcome in outcomes)
        {
            _log.Write(outcome.Succeeded ? LogEventLevel.Information : LogEventLevel.Warning, "Publication target {Outcome}", outcome.ToString());
        }

        return new PublicationRun(publication.ServedFiles.Select(f => Path.Combine(_webRoot, f.Name)).ToList(), outcomes);
    }

    /// <inheritdoc />
    public void Dispose() => _clients.ForEach(c => c.Dispose());

    private static IEnumerable<MirrorEndpoint> Endpoints(FedmdOptions options) =>
        options.Publish.Mirrors.Select(m => new MirrorEndpoint(
            m.Name, new Uri(m.Url), m.ClientCertificateFile, m.ClientKeyFile, m.ServerCaFile, TimeSpan.FromSeconds(m.TimeoutSeconds)));

    private static List<string> Secrets(FedmdOptions options) =>
        new[] { options.Signing.PinFile, options.DevelopmentToken.SoPinFile, options.DevelopmentToken.KeyFile }
            .Concat(options.Publish.Mirrors.Select(m => m.ClientKeyFile))
            .Where(p => !string.IsNullOrEmpty(p))
            .Select(p => p!)
            .ToList();

    private KeyRollover? Rollover() =>
        _options.Publish.Rollover is { NextCertificateFile: { Length: > 0 } file, SwitchAt: { } switchAt }
            ? new KeyRollover(SigningCertificateInfo.From(CertificateFiles.LoadPem(file, "Publish:Rollover:NextCertificateFile")), switchAt)
            : null;

    private string FeedUrl(string fileName) =>
        _options.Publish.BaseUrl is { } baseUrl ? new Uri(new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/"), fileName).AbsoluteUri : fileName;
}

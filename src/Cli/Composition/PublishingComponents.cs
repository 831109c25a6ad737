using Fedmd.Cli.Configuration;
using Fedmd.Pass.Steps;
using Fedmd.Publisher.Fingerprints;
using Fedmd.Publisher.Local;
using Fedmd.Publisher.Mirrors;
using Fedmd.Publisher.Retries;
using Fedmd.Publisher.Targets;
using Fedmd.Verification;

namespace Fedmd.Cli.Composition;

/// <summary>
/// The publication targets as configured: the local web root (with history and the secrets guard) first, then every
/// mirror behind bounded retries. Owns the mirrors' HTTP clients.
/// </summary>
internal sealed class PublishingComponents : IDisposable
{
    private readonly List<HttpClient> _clients;

    private PublishingComponents(List<HttpClient> clients, PublicationDispatcher dispatcher, FingerprintPageSettings pages)
    {
        _clients = clients;
        Dispatcher = dispatcher;
        Pages = pages;
    }

    /// <summary>The web root, then the mirrors.</summary>
    public PublicationDispatcher Dispatcher { get; }

    /// <summary>What the fingerprint pages say.</summary>
    public FingerprintPageSettings Pages { get; }

    /// <summary>Checks the web root and the mirror credentials and builds the targets.</summary>
    /// <param name="options">The configuration.</param>
    /// <param name="typed">Its parsed values.</param>
    /// <param name="webRoot">The web root.</param>
    /// <param name="verifier">What mirrors re-check served feeds with.</param>
    /// <param name="clock">The process's clock.</param>
    /// <param name="rollover">The announced next key the fingerprint page shows, if any.</param>
    /// <param name="previous">The previous key the fingerprint page shows after a switch, if any.</param>
    /// <exception cref="Metadata.Failures.FedmdException">A secret lies under the web root, or a mirror credential is unusable (exit 2).</exception>
    public static PublishingComponents Create(
        FedmdOptions options, TypedConfiguration typed, string webRoot, StrictVerifier verifier, TimeProvider clock, KeyRollover? rollover = null, PreviousSigningKey? previous = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(typed);
        RequireSafeWebRoot(options, webRoot);
        var pages = new FingerprintPageSettings(webRoot, options.Federation.Name, typed.BaseUrl, rollover, VerificationOptions.DefaultMaxValidity) { Previous = previous };
        var local = new LocalWebRootTarget(webRoot, options.Publish.HistoryVersions, Secrets(options));
        var retry = options.Publish.MirrorRetry;
        var policy = new BackoffPolicy(retry.Attempts, TimeSpan.FromSeconds(retry.FirstDelaySeconds), TimeSpan.FromSeconds(retry.MaxDelaySeconds));
        var clients = new List<HttpClient>();
        var mirrors = new List<IPublicationTarget>();
        try
        {
            foreach (var endpoint in Endpoints(options))
            {
                var client = MirrorHttpClientFactory.Create(endpoint, clock);
                clients.Add(client);
                mirrors.Add(new RetryingTarget(new WebDavMirrorTarget(endpoint, client, verifier), policy, new ClockPause(clock)));
            }
        }
        catch
        {
            clients.ForEach(c => c.Dispose());
            throw;
        }

        return new PublishingComponents(clients, new PublicationDispatcher(local, mirrors), pages);
    }

    /// <summary>
    /// Checks before the program starts publishing: the web root holds no secret, and every mirror's credentials load
    /// (files present, client key owner-only, CA readable, CRL signed by that CA).
    /// </summary>
    /// <exception cref="Metadata.Failures.FedmdException">The web root or a mirror credential is unsafe or unusable (exit 2).</exception>
    public static void RequireReadyToPublish(FedmdOptions options, string webRoot, TimeProvider clock)
    {
        RequireSafeWebRoot(options, webRoot);
        foreach (var endpoint in Endpoints(options))
        {
            MirrorHttpClientFactory.Create(endpoint, clock).Dispose();
        }
    }

    /// <summary>Refuses a web root holding a PIN or private key.</summary>
    /// <exception cref="Metadata.Failures.FedmdException">A secret lies under the web root (exit 2).</exception>
    public static void RequireSafeWebRoot(FedmdOptions options, string webRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        WebRootGuard.Require(webRoot, Secrets(options));
    }

    /// <inheritdoc />
    public void Dispose() => _clients.ForEach(c => c.Dispose());

    private static IEnumerable<MirrorEndpoint> Endpoints(FedmdOptions options) =>
        options.Publish.Mirrors.Select(m => new MirrorEndpoint(
            m.Name, new Uri(m.Url), m.ClientCertificateFile, m.ClientKeyFile, m.ServerCaFile, m.ServerCrlFile, TimeSpan.FromSeconds(m.TimeoutSeconds)));

    private static List<string> Secrets(FedmdOptions options) =>
        new[] { options.Signing.PinFile, options.DevelopmentToken.SoPinFile, options.DevelopmentToken.KeyFile }
            .Concat(options.Publish.Mirrors.Select(m => m.ClientKeyFile))
            .Where(p => !string.IsNullOrEmpty(p))
            .Select(p => p!)
            .ToList();
}

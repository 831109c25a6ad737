using System.Security.Cryptography.X509Certificates;
using Fedmd.Cli.Configuration;
using Fedmd.Metadata.Values;
using Fedmd.Pass.Monitoring;
using Fedmd.Pass.State;
using Fedmd.Publisher.Publication;
using Fedmd.Verification;

namespace Fedmd.Cli.Composition;

/// <summary>
/// <c>fedmd status</c>'s checks as configured: every feed at every target (the web root, then each mirror), the
/// signing certificate, the HSM (unless skipped), the PIN latch, the audit chain and the last pass.
/// </summary>
internal static class MonitoringComponents
{
    /// <summary>The local web root's target name, as the publication summary names it.</summary>
    public const string LocalTarget = "local";

    /// <summary>Composes the probe; <paramref name="checkHsm"/> false leaves the HSM line out. The last pass is read from <paramref name="records"/> (in a cluster, the database's).</summary>
    /// <exception cref="Metadata.Failures.FedmdException">The signing certificate cannot be read (exit 2).</exception>
    public static StatusProbe Create(FedmdOptions options, TypedConfiguration typed, FileStateStore state, IPassRecordStore records, bool checkHsm, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(state);
        var thresholds = Thresholds(options.Monitoring);
        // The keys the configuration or the rollover state names; held for the probe's life: the verifiers pin them.
        var keys = MetadataSigningKeys.Resolve(options);
        var certificate = keys.Current.Certificate;
        // The participant's view: each feed verified with exactly the key it is meant to carry now, only the configured method.
        var verification = Pinned(options, typed, certificate, clock);
        var nextVerification = keys.Next is { } next ? Pinned(options, typed, next.Certificate, clock) : null;
        var checks = new List<IStatusCheck>();
        foreach (var location in Locations(options, typed))
        {
            checks.AddRange(typed.Feeds.Select(feed => new PublishedFeedCheck(feed.FileName, location, verification, thresholds, clock)));
            if (nextVerification is not null)
            {
                checks.AddRange(typed.Feeds.Select(feed => new PublishedFeedCheck(NextKeyFeedName.For(feed.FileName), location, nextVerification, thresholds, clock)));
            }
        }

        checks.Add(new CertificateCheck(keys.CurrentSource, new DateTimeOffset(certificate.NotAfter.ToUniversalTime()), thresholds, clock));
        if (keys.Next is { } announced && !announced.SameKeyAs(keys.Current))
        {
            checks.Add(new CertificateCheck($"{keys.Store.Path} (next)", new DateTimeOffset(announced.Certificate.NotAfter.ToUniversalTime()), thresholds, clock));
        }
        if (checkHsm)
        {
            checks.Add(new HsmStatusCheck(options, state, clock));
        }

        checks.Add(new PinLatchCheck(state.PinRefusalLatchPath));
        checks.Add(new AuditStatusCheck(state.AuditLogPath, log => ClusterAuditHeadCheck.Problems(options, log)));
        checks.Add(new LastPassCheck(records));
        return new StatusProbe(checks, clock);
    }

    private static VerificationOptions Pinned(FedmdOptions options, TypedConfiguration typed, X509Certificate2 certificate, TimeProvider clock) => new()
    {
        PinnedCertificates = [certificate],
        AllowedSignatureMethods = new HashSet<SignatureMethod> { options.Signing.Method() },
        MaxValidity = typed.SelfCheckMaxValidity,
        Clock = clock,
    };

    private static IEnumerable<FeedLocation> Locations(FedmdOptions options, TypedConfiguration typed)
    {
        yield return new FeedLocation(LocalTarget, typed.BaseUrl, typed.BaseUrl is null ? options.Publish.Directory : null);
        foreach (var mirror in options.Publish.Mirrors)
        {
            yield return options.Monitoring.MirrorUrls.TryGetValue(mirror.Name, out var url)
                ? new FeedLocation(mirror.Name, new Uri(url.EndsWith('/') ? url : url + "/"), null)
                : new FeedLocation(mirror.Name, null, null, $"set Monitoring:MirrorUrls:{mirror.Name} to the URL participants fetch this mirror's feeds from");
        }
    }

    // The validator has accepted every value, so these parse.
    private static MonitoringThresholds Thresholds(MonitoringOptions monitoring) => new(
        XsDuration.Parse(monitoring.ValidUntilWarning).Value,
        XsDuration.Parse(monitoring.ValidUntilCritical).Value,
        XsDuration.Parse(monitoring.PublicationAgeWarning).Value,
        XsDuration.Parse(monitoring.PublicationAgeCritical).Value,
        monitoring.CertificateWarningDays,
        monitoring.CertificateCriticalDays);
}

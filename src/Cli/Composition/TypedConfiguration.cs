using Fedmd.Aggregator.Feeds;
using Fedmd.Aggregator.Profiles;
using Fedmd.Cli.Configuration;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Values;
using Fedmd.Signer.Signing;
using Fedmd.Verification;

namespace Fedmd.Cli.Composition;

/// <summary>
/// The configuration's values as types, parsed once right after validation: durations, entityIDs, URLs. Everything
/// downstream reads these; nothing parses a configuration string again. (Mapping here, rather than typed properties on
/// the options classes, keeps the validators' messages, which name the key and the fix, and binds nothing twice.)
/// </summary>
/// <param name="Shape">The feeds' root values (validity, cacheDuration, publisher).</param>
/// <param name="Feeds">The configured feeds; without a <c>Feeds</c> list, one feed of everything named by <c>Aggregate</c>.</param>
/// <param name="Sources">Every configured source with its typed values, in configuration order.</param>
/// <param name="CertificateLifetime">When the signer warns about, and refuses, an expiring certificate.</param>
/// <param name="RecoveryFirstDelay">The wait before the first reconnect to the token.</param>
/// <param name="RecoveryLongestDelay">The longest wait between reconnects.</param>
/// <param name="BaseUrl">Where the feeds are served (ending in a slash), or null.</param>
internal sealed record TypedConfiguration(
    AggregateShape Shape,
    IReadOnlyList<FeedDefinition> Feeds,
    IReadOnlyList<TypedSource> Sources,
    CertificateLifetimePolicy CertificateLifetime,
    TimeSpan RecoveryFirstDelay,
    TimeSpan RecoveryLongestDelay,
    Uri? BaseUrl)
{
    /// <summary>
    /// The longest validity the self-check accepts: participants' 28 days, or the configured ValidFor when that is
    /// longer (an operator's deliberate choice).
    /// </summary>
    public TimeSpan SelfCheckMaxValidity =>
        Shape.ValidFor > VerificationOptions.DefaultMaxValidity ? Shape.ValidFor + TimeSpan.FromMinutes(5) : VerificationOptions.DefaultMaxValidity;

    /// <summary>Maps validated options.</summary>
    /// <exception cref="FedmdException">A value the validators let through does not parse (exit 2).</exception>
    public static TypedConfiguration From(FedmdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var signing = options.Signing;
        return new TypedConfiguration(
            new AggregateShape(
                Duration(options.Aggregate.ValidFor, "Aggregate:ValidFor").Value,
                Duration(options.Aggregate.CacheDuration, "Aggregate:CacheDuration"),
                options.Federation.Publisher),
            FeedsOf(options),
            options.Sources.Select((s, i) => new TypedSource(
                s,
                new Uri(s.Url),
                Duration(s.MaxValidity, $"Sources[{i}]:MaxValidity").Value,
                s.Filters.BlockedEntityIds.Select(id => Entity(id, $"Sources[{i}]:Filters:BlockedEntityIds")).ToHashSet(),
                ImportProfile(s.Rules, $"Sources[{i}]:Rules"))).ToList(),
            new CertificateLifetimePolicy(
                Duration(signing.CertificateWarnBefore, "Signing:CertificateWarnBefore").Value,
                Duration(signing.CertificateRefuseBefore, "Signing:CertificateRefuseBefore").Value),
            Duration(signing.RecoveryFirstDelay, "Signing:RecoveryFirstDelay").Value,
            Duration(signing.RecoveryLongestDelay, "Signing:RecoveryLongestDelay").Value,
            options.Publish.BaseUrl is { } baseUrl ? new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/") : null);
    }

    private static List<FeedDefinition> FeedsOf(FedmdOptions options)
    {
        if (options.Feeds.Count == 0)
        {
            return [new FeedDefinition(options.Aggregate.Name, options.Aggregate.FileName, FeedSelection.All)];
        }

        return options.Feeds.Select((f, i) => new FeedDefinition(f.Name, f.FileName, new FeedSelection(
                (f.Roles ?? []).ToHashSet(StringComparer.Ordinal),
                (f.EntityAttributes ?? []).Select(a => KeyValuePair.Create(a.Name, a.Value)).ToList(),
                (f.EntityIds ?? []).Select(id => Entity(id, $"Feeds[{i}]:EntityIds")).ToHashSet()))
        { Sources = f.Sources ?? [] })
            .ToList();
    }

    private static RuleProfile ImportProfile(Dictionary<string, string> rules, string key)
    {
        var changes = new Dictionary<string, ProfileSeverity>(StringComparer.Ordinal);
        foreach (var (ruleId, text) in rules)
        {
            var problem = ProfileTable.OverrideProblem(ruleId, text);
            if (problem is not null || !ProfileSeverities.TryParse(text, out var severity))
            {
                throw new FedmdException(FailureKind.Configuration, $"configuration {key}: {problem}");
            }

            changes[ruleId] = severity;
        }

        return changes.Count == 0 ? RuleProfile.Import : RuleProfile.Import.With(changes);
    }

    private static XsDuration Duration(string text, string key) =>
        XsDuration.IsValid(text) ? XsDuration.Parse(text) : throw new FedmdException(FailureKind.Configuration, $"configuration {key}: '{text}' is not an ISO 8601 duration such as P10D");

    private static EntityId Entity(string text, string key) =>
        EntityId.TryCreate(text, out var id, out var problem) ? id! : throw new FedmdException(FailureKind.Configuration, $"configuration {key}: {problem}");
}

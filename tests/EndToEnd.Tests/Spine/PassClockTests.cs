using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using Fedmd.Cli.Composition;
using Fedmd.Cli.Configuration;
using Fedmd.Cli.Logging;
using Fedmd.Cli.Printing;
using Fedmd.Metadata.Values;
using Fedmd.Metadata.Xml;
using Fedmd.Pass;
using Fedmd.Signer.Audit;
using Fedmd.Signer.Signing;
using Fedmd.Tests.EndToEnd.Support;
using Fedmd.TestSupport.Time;
using Fedmd.Verification;

namespace Fedmd.Tests.EndToEnd.Spine;

/// <summary>
/// The host's one clock reaches every component of a pass: a pass composed with a stopped clock stamps that clock's
/// moment in the report, the registration instants, the feed's validity, the audit log and the last pass.
/// </summary>
public sealed class PassClockTests : IDisposable
{
    // Hours away from the real present, so that any component reading the system clock shows; whole seconds, as published.
    private static readonly DateTimeOffset Stopped = new DateTimeOffset(DateTimeOffset.UtcNow.UtcTicks - (DateTimeOffset.UtcNow.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero).AddHours(-7);

    private readonly PassEnvironment _environment = new();

    private static PassOutcome RunPass(PassEnvironment environment, TimeProvider clock)
    {
        var options = ConfigurationLoader.Load(environment.ConfigFile);
        var typed = TypedConfiguration.From(options);
        var state = StateComponents.Open(options);
        var settings = new PassSettings(options.Registry.EntitiesDirectory, options.Publish.Directory) { RemembersLastPass = true };
        // The token's key in software, under the same audit decorator the HSM stack uses: this process keeps its one
        // PKCS#11 module for creating tokens (a second one would finalise the library under the other tests).
        var token = environment.Token;
        var signer = new AuditingSigner(
            new EnvelopedMetadataSigner(token.Key, token.Certificate, SignatureMethod.Default),
            new AuditLog(state.AuditLogPath),
            new SignerIdentity("pkcs11:token=" + token.Label, CertificateFingerprint.Of(token.Certificate, FingerprintAlgorithm.Sha256).ToString(), "test-host", "test-user"),
            clock);
        var verifier = new StrictVerifier(new VerificationOptions { PinnedCertificates = [token.Certificate], Clock = clock });
        using var pass = PassComponents.Create(options, typed, settings, StateComponents.ForPass(options, null, clock.GetUtcNow), new MetadataFeedSigner(signer, token.Certificate), verifier, new LoggedPassEvents(Serilog.Core.Logger.None), clock);
        return pass.Pass.RunAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    [Fact]
    public void A_pass_with_a_stopped_clock_stamps_that_moment_everywhere()
    {
        var outcome = RunPass(_environment, new FixedClock(Stopped));
        var stamp = XsDateTime.Format(Stopped);

        Assert.Equal(Stopped, outcome.PassedAt);
        var feed = new SafeXmlLoader().LoadFile(_environment.PublishedFeed).DocumentElement!;
        Assert.Equal(XsDateTime.Format(Stopped.AddDays(10)), feed.GetAttribute("validUntil"));
        Assert.Equal(stamp, ((XmlElement)feed.GetElementsByTagName("PublicationInfo", SamlNamespaces.Rpi)[0]!).GetAttribute("creationInstant"));
        var instants = feed.GetElementsByTagName("RegistrationInfo", SamlNamespaces.Rpi).OfType<XmlElement>().Select(e => e.GetAttribute("registrationInstant")).ToList();
        Assert.NotEmpty(instants);
        Assert.All(instants, i => Assert.Equal(stamp, i));

        using var report = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(_environment.PublishDirectory, "report.json")));
        Assert.Equal(Stopped, report.RootElement.GetProperty("generated").GetDateTimeOffset());

        using var audit = JsonDocument.Parse(File.ReadLines(_environment.Combine("state", "signing-audit.jsonl")).Last());
        Assert.Equal(Stopped, audit.RootElement.GetProperty("time").GetDateTimeOffset());

        var lastPass = DateTimeOffset.Parse(File.ReadAllText(_environment.Combine("state", "last-successful-pass")), CultureInfo.InvariantCulture);
        Assert.Equal(Stopped, lastPass);
    }

    [Fact]
    public void The_summary_prints_every_feed_with_its_entities_and_validity()
    {
        // Before the fix only the first feed's validUntil was printed, and no feed's file or entity count.
        using var twoFeeds = new PassEnvironment(configuration => configuration["Feeds"] = new JsonArray(
            new JsonObject { ["Name"] = "https://fedmd.example.ac.za/metadata", ["FileName"] = "federation-metadata.xml" },
            new JsonObject { ["Name"] = "https://fedmd.example.ac.za/idps", ["FileName"] = "idps.xml", ["Roles"] = new JsonArray("IDPSSODescriptor") }));

        var outcome = RunPass(twoFeeds, new FixedClock(Stopped));
        using var printed = new StringWriter();
        PassSummary.Print(outcome, printed);

        var all = outcome.Feeds.Single(f => f.FileName == "federation-metadata.xml");
        var idps = outcome.Feeds.Single(f => f.FileName == "idps.xml");
        Assert.True(idps.EntityCount < all.EntityCount, "the IdP feed selects fewer entities than the feed of everything");
        var text = printed.ToString();
        Assert.Contains($"  federation-metadata.xml: {all.EntityCount} entities, validUntil: {Stopped.AddDays(10):u}", text, StringComparison.Ordinal);
        Assert.Contains($"  idps.xml: {idps.EntityCount} entities, validUntil: {Stopped.AddDays(10):u}", text, StringComparison.Ordinal);
    }

    /// <inheritdoc />
    public void Dispose() => _environment.Dispose();
}

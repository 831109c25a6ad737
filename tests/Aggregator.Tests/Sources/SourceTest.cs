using System.Text;
using Fedmd.Aggregator.Sources;
using Fedmd.Fetcher;
using Fedmd.TestSupport.Http;
using Fedmd.Verification;

namespace Fedmd.Tests.Aggregator.Sources;

/// <summary>A remote federation served by a real local HTTP server, and imports of it as the source <c>home</c>.</summary>
public abstract class SourceTest : FeedServerTest
{
    private int _version;

    /// <summary>The remote federation's signing key.</summary>
    protected SignedFeeds Home { get; } = new("home federation signer");

    /// <summary>Where the last good copy is kept.</summary>
    protected string LastGoodCopy => Directory.Combine("sources", "home.xml");

    /// <summary>Signs <paramref name="aggregate"/> with the home key and serves it under a new ETag.</summary>
    protected void Serve(string aggregate) => Serve(Home.Sign(aggregate));

    /// <summary>Serves <paramref name="body"/> as it is, under a new ETag.</summary>
    protected void Serve(byte[] body) => Server.Serve(new FeedResponse(body, $"\"v{++_version}\""));

    /// <summary>The source <c>home</c>, pinned to the home key.</summary>
    protected SourceDefinition Definition(SourceFilter? filter = null) => new(
        "home",
        new FetchRequest(Server.FeedUrl, LastGoodCopy, new VerificationOptions { PinnedCertificates = [Home.Certificate] }) { AllowHttp = true },
        filter ?? SourceFilter.All);

    /// <summary>Imports the source as of <paramref name="clock"/> (the real clock by default).</summary>
    protected Task<SourceImport> ImportAsync(SourceFilter? filter = null, TimeProvider? clock = null)
    {
        clock ??= TimeProvider.System;
        return new SourceImporter(new MetadataFetcher(clock), clock).ImportAsync(Definition(filter));
    }

    /// <summary>The imported entityIDs, from the items' sources.</summary>
    protected static IReadOnlyList<string> EntityIds(SourceImport import) =>
        import.Items.Select(i => i.Source["source home: ".Length..]).ToList();

    /// <summary>The bytes of <paramref name="text"/>.</summary>
    protected static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}

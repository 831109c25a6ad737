using System.Text;
using Fedmd.Publisher.Advisories;
using Fedmd.TestSupport;

namespace Fedmd.Tests.Publisher.Advisories;

/// <summary>The advisory page every publication carries to all targets, mirrors included.</summary>
public sealed class AdvisoryPublisherTests : IDisposable
{
    private readonly TemporaryDirectory _webRoot = new();

    [Fact]
    public void Before_any_advisory_the_current_page_says_there_is_none()
    {
        var page = new AdvisoryPublisher(_webRoot.Path, "Test Federation").Current();

        Assert.Equal("advisory.html", page.Name);
        Assert.Contains("Test Federation", Encoding.UTF8.GetString(page.Content.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void After_an_advisory_is_published_the_current_page_is_that_advisory()
    {
        var publisher = new AdvisoryPublisher(_webRoot.Path, "Test Federation");
        publisher.Publish("The metadata signing key was compromised on 2026-11-20; pin the new key.", DateTimeOffset.UtcNow);

        var page = publisher.Current();

        Assert.Contains("compromised on 2026-11-20", Encoding.UTF8.GetString(page.Content.ToArray()), StringComparison.Ordinal);
        Assert.Equal(File.ReadAllBytes(_webRoot.Combine("advisory.html")), page.Content.ToArray());
    }

    public void Dispose() => _webRoot.Dispose();
}

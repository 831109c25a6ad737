using Xunit;

namespace Fedmd.TestSupport.Http;

/// <summary>A test class with its own feed server and temporary directory, started and removed around each test.</summary>
public abstract class FeedServerTest : IAsyncLifetime, IDisposable
{
    /// <summary>The server serving the feed.</summary>
    protected FeedServer Server { get; private set; } = null!;

    /// <summary>Where fetched files are kept.</summary>
    protected TemporaryDirectory Directory { get; } = new();

    /// <inheritdoc />
    public async Task InitializeAsync() => Server = await FeedServer.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <inheritdoc />
    public void Dispose()
    {
        Directory.Dispose();
        GC.SuppressFinalize(this);
    }
}

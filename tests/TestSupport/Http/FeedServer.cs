using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Fedmd.TestSupport.Http;

/// <summary>
/// A real HTTP server (the runtime's HttpListener) on 127.0.0.1 with a free port, serving one feed with ETag,
/// Last-Modified and conditional GET, plus a redirect, a redirect loop, and the failures the tests switch on.
/// </summary>
public sealed class FeedServer : IAsyncDisposable
{
    private static readonly DateTimeOffset LastModified = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<string> _conditionalRequests = [];
    private readonly Task _loop;
    private FeedResponse _response = new([], "\"empty\"");
    private int _feedRequests;

    private FeedServer()
    {
        BaseUrl = new Uri($"http://127.0.0.1:{FreePort()}/");
        _listener.Prefixes.Add(BaseUrl.ToString());
        _listener.Start();
        _loop = Task.Run(AcceptAsync);
    }

    /// <summary>The server's base URL, http://127.0.0.1:PORT/.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The feed's URL.</summary>
    public Uri FeedUrl => new(BaseUrl, "feed.xml");

    /// <summary>How many requests for the feed arrived (conditional or not).</summary>
    public int FeedRequests => Volatile.Read(ref _feedRequests);

    /// <summary>If-None-Match values received, in order.</summary>
    public IReadOnlyList<string> ConditionalRequests
    {
        get
        {
            lock (_conditionalRequests)
            {
                return [.. _conditionalRequests];
            }
        }
    }

    /// <summary>Starts a server.</summary>
    public static Task<FeedServer> StartAsync() => Task.FromResult(new FeedServer());

    /// <summary>Sets what the feed answers from now on.</summary>
    public void Serve(FeedResponse response) => Volatile.Write(ref _response, response);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
            // The listener was closed under a pending accept: that is how the loop ends.
        }

        _stopping.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (HttpListenerException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            switch (context.Request.Url!.AbsolutePath)
            {
                case "/moved":
                    response.Redirect(new Uri(BaseUrl, "feed.xml").ToString());
                    response.Close();
                    return;
                case "/loop":
                    response.Redirect(new Uri(BaseUrl, "loop").ToString());
                    response.Close();
                    return;
                default:
                    await ServeFeedAsync(context.Request, response);
                    return;
            }
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            response.Abort();
        }
    }

    private async Task ServeFeedAsync(HttpListenerRequest request, HttpListenerResponse response)
    {
        Interlocked.Increment(ref _feedRequests);
        var feed = Volatile.Read(ref _response);
        var ifNoneMatch = request.Headers["If-None-Match"];
        if (ifNoneMatch is not null)
        {
            lock (_conditionalRequests)
            {
                _conditionalRequests.Add(ifNoneMatch);
            }
        }

        if (feed.Delay > TimeSpan.Zero)
        {
            await Task.Delay(feed.Delay, _stopping.Token);
        }

        if (feed.Status != 200 || ifNoneMatch == feed.ETag)
        {
            response.StatusCode = feed.Status != 200 ? feed.Status : 304;
            response.Close();
            return;
        }

        response.ContentType = "application/samlmetadata+xml";
        response.Headers["ETag"] = feed.ETag;
        response.Headers["Last-Modified"] = LastModified.ToString("R", CultureInfo.InvariantCulture);
        response.ContentLength64 = feed.Body.Length;
        await response.OutputStream.WriteAsync(feed.Body.AsMemory(0, feed.TruncateAfter ?? feed.Body.Length), _stopping.Token);
        if (feed.TruncateAfter is not null)
        {
            await response.OutputStream.FlushAsync(_stopping.Token);
            response.Abort();
            return;
        }

        response.Close();
    }
}

using System.Net;
using System.Net.Sockets;

namespace Fedmd.Tests.EndToEnd.Monitoring;

/// <summary>
/// A plain HTTP server on 127.0.0.1 serving the files of one directory, as the web server in front of the web root
/// does; participants (and <c>fedmd status</c>) fetch the feeds from it. Stopped when disposed.
/// </summary>
internal sealed class WebRootServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly string _directory;

    public WebRootServer(string directory)
    {
        _directory = directory;
        BaseUrl = new Uri($"http://127.0.0.1:{FreePort()}/");
        _listener.Prefixes.Add(BaseUrl.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }

    public void Dispose()
    {
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The accept loop ends with the listener.
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var name = Path.GetFileName(context.Request.Url!.AbsolutePath);
            var path = Path.Combine(_directory, name);
            if (name.Length > 0 && File.Exists(path))
            {
                var bytes = await File.ReadAllBytesAsync(path);
                context.Response.ContentType = "application/samlmetadata+xml";
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
            }
            else
            {
                context.Response.StatusCode = 404;
            }

            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

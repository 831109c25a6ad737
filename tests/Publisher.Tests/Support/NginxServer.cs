using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Fedmd.TestSupport;

namespace Fedmd.Tests.Publisher.Support;

/// <summary>
/// A real nginx (Debian's /usr/sbin/nginx) in the foreground, single process, with a prefix directory of its own
/// holding the configuration, pid file, temporary paths and error log; killed on dispose.
/// </summary>
public sealed class NginxServer : IDisposable
{
    private const string Program = "/usr/sbin/nginx";
    private readonly Process _process;

    /// <summary>Starts nginx with <paramref name="httpBlock"/> as the content of its http { } block.</summary>
    public NginxServer(string prefix, string httpBlock, IReadOnlyList<int> ports)
    {
        Prefix = prefix;
        System.IO.Directory.CreateDirectory(Path.Combine(prefix, "temp"));
        ErrorLog = Path.Combine(prefix, "error.log");
        var configFile = Path.Combine(prefix, "nginx.conf");
        File.WriteAllText(configFile, $$"""
            daemon off;
            master_process off;
            pid {{Path.Combine(prefix, "nginx.pid")}};
            error_log {{ErrorLog}} info;
            events { worker_connections 64; }
            http {
                include /etc/nginx/mime.types;
                access_log {{Path.Combine(prefix, "access.log")}};
                client_body_temp_path {{Path.Combine(prefix, "temp", "body")}};
                proxy_temp_path {{Path.Combine(prefix, "temp", "proxy")}};
                fastcgi_temp_path {{Path.Combine(prefix, "temp", "fastcgi")}};
                uwsgi_temp_path {{Path.Combine(prefix, "temp", "uwsgi")}};
                scgi_temp_path {{Path.Combine(prefix, "temp", "scgi")}};
            {{httpBlock}}
            }
            """);
        var check = ExternalTool.Run(Program, ["-t", "-p", prefix, "-c", configFile, "-e", ErrorLog]);
        if (check.ExitCode != 0)
        {
            throw new InvalidOperationException("nginx rejected the test configuration: " + check.Output);
        }

        var start = new ProcessStartInfo(Program) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-p", prefix, "-c", configFile, "-e", ErrorLog })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start)!;
        foreach (var port in ports)
        {
            WaitForPort(port);
        }
    }

    public string Prefix { get; }

    public string ErrorLog { get; }

    /// <summary>A TCP port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void WaitForPort(int port)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with {_process.ExitCode}: {File.ReadAllText(ErrorLog)}");
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new InvalidOperationException($"nginx did not listen on port {port}: {File.ReadAllText(ErrorLog)}");
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Fedmd.Tests.EndToEnd.Support;
using Fedmd.TestSupport;
using Fedmd.TestSupport.SoftHsm;

namespace Fedmd.Tests.Cluster.Support;

/// <summary>
/// One node of a test cluster: its own token holding the cluster's shared key, its own registry copy, web root, logs
/// and state directory, and a configuration whose <c>Cluster</c> section points at the test database. Its
/// <c>fedmd run</c> is the real program in its own process, as systemd would start it.
/// </summary>
public sealed partial class ClusterNode : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly StringBuilder _console = new();
    private Process? _service;

    /// <summary>Creates the node <paramref name="name"/> with <paramref name="key"/> on a token of its own.</summary>
    /// <param name="name">Cluster:NodeName.</param>
    /// <param name="role">The database's service role.</param>
    /// <param name="key">The cluster's signing key.</param>
    /// <param name="certificate">The key's certificate.</param>
    /// <param name="cron">Schedule:Cron.</param>
    /// <param name="copiesOfEachSample">Extra copies of each sample entity, to make a pass last longer.</param>
    /// <param name="configure">Changes the configuration before it is written.</param>
    public ClusterNode(string name, ServiceRole role, RSA key, X509Certificate2 certificate, string cron, int copiesOfEachSample = 0, Action<JsonObject>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(role);
        Name = name;
        var token = TestHsm.CreateToken("node-" + name, key, certificate);
        Directory.CreateDirectory(RegistryDirectory);
        foreach (var sample in Directory.GetFiles(RepositoryRoot.Combine("metadata-samples"), "*.xml"))
        {
            var text = File.ReadAllText(sample);
            File.WriteAllText(Path.Combine(RegistryDirectory, Path.GetFileName(sample)), text);
            for (var copy = 0; copy < copiesOfEachSample; copy++)
            {
                File.WriteAllText(Path.Combine(RegistryDirectory, $"{Path.GetFileName(sample)}.{copy}.xml"), EntityId().Replace(text, $"entityID=\"$1/copy{copy}\""));
            }
        }

        File.WriteAllText(PasswordFile, role.Password + "\n");
        File.SetUnixFileMode(PasswordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var configuration = TestConfiguration.For(token, _directory.Path);
        configuration["Schedule"] = new JsonObject { ["Cron"] = cron };
        configuration["Cluster"] = new JsonObject { ["ConnectionString"] = role.ConnectionString, [nameof(PasswordFile)] = PasswordFile, ["NodeName"] = name };
        configure?.Invoke(configuration);
        TestConfiguration.Write(configuration, ConfigFile);
    }

    /// <summary>Cluster:NodeName.</summary>
    public string Name { get; }

    /// <summary>The configuration file.</summary>
    public string ConfigFile => _directory.Combine("fedmd.json");

    /// <summary>Cluster:PasswordFile.</summary>
    public string PasswordFile => _directory.Combine("db-password");

    /// <summary>The registry.</summary>
    public string RegistryDirectory => _directory.Combine("registry");

    /// <summary>The published aggregate.</summary>
    public string PublishedFeed => _directory.Combine("publish", "federation-metadata.xml");

    /// <summary>The published certificate.</summary>
    public string PublishedCertificate => _directory.Combine("publish", "metadata-signer.crt");

    /// <summary>Signing:AuditLog as the configuration leaves it: in the state directory.</summary>
    public string AuditLog => _directory.Combine("state", "signing-audit.jsonl");

    /// <summary>Whether the service process runs.</summary>
    public bool IsRunning => _service is { HasExited: false };

    /// <summary>The service's process id.</summary>
    public int ProcessId => _service?.Id ?? throw new InvalidOperationException("the service was not started");

    /// <summary>Runs fedmd once with this node's configuration.</summary>
    public ToolResult Fedmd(params string[] arguments) => FedmdCli.Run(["--config", ConfigFile, .. arguments]);

    /// <summary>Starts <c>fedmd run</c>.</summary>
    public void Start()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { FedmdCli.Program, "--config", ConfigFile, "run" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["SOFTHSM2_CONF"] = TestHsm.ConfigFile;
        start.Environment["FEDMD_CONFIG"] = null;
        _service = Process.Start(start)!;
        _service.ErrorDataReceived += (_, e) => Capture(e.Data);
        _service.OutputDataReceived += (_, e) => Capture(e.Data);
        _service.BeginErrorReadLine();
        _service.BeginOutputReadLine();
    }

    /// <summary>Stops the service as systemd does (SIGINT) and waits for it; returns its exit code.</summary>
    public int Interrupt()
    {
        Assert.Equal(0, ExternalTool.Run("kill", ["-INT", ProcessId.ToString(CultureInfo.InvariantCulture)]).ExitCode);
        Assert.True(_service!.WaitForExit(TimeSpan.FromMinutes(1)), $"node {Name} did not stop after SIGINT: {LogText()}");
        return _service.ExitCode;
    }

    /// <summary>Kills the service with SIGKILL, as a lost machine would.</summary>
    public void Kill()
    {
        Assert.Equal(0, ExternalTool.Run("kill", ["-9", ProcessId.ToString(CultureInfo.InvariantCulture)]).ExitCode);
        Assert.True(_service!.WaitForExit(TimeSpan.FromSeconds(30)));
    }

    /// <summary>The log files and everything the service printed.</summary>
    public string LogText()
    {
        lock (_console)
        {
            return TestConfiguration.LogText(_directory.Path) + _console;
        }
    }

    /// <summary>How many lines of the log files hold <paramref name="text"/>, logged at or after <paramref name="since"/> if given.</summary>
    public int LogLinesWith(string text, DateTimeOffset? since = null) =>
        TestConfiguration.LogText(_directory.Path).Split('\n')
            .Where(l => l.Contains(text, StringComparison.Ordinal))
            .Count(l => since is null || LoggedAt(l) >= since);

    // The file log's lines start with their UTC instant, e.g. 2026-12-02T00:44:40.440Z.
    private static DateTimeOffset LoggedAt(string line) =>
        DateTimeOffset.Parse(line.Split(' ', 2)[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    /// <summary>Every entity's registrationInstant in the published aggregate.</summary>
    public IReadOnlyDictionary<string, string> PublishedRegistrationInstants()
    {
        var document = System.Xml.Linq.XDocument.Load(PublishedFeed);
        System.Xml.Linq.XNamespace md = "urn:oasis:names:tc:SAML:2.0:metadata";
        System.Xml.Linq.XNamespace mdrpi = "urn:oasis:names:tc:SAML:metadata:rpi";
        return document.Root!.Elements(md + "EntityDescriptor").ToDictionary(
            e => (string)e.Attribute("entityID")!,
            e => (string)e.Descendants(mdrpi + "RegistrationInfo").Single().Attribute("registrationInstant")!,
            StringComparer.Ordinal);
    }

    /// <summary>The entityIDs the published aggregate holds.</summary>
    public IReadOnlyList<string> PublishedEntityIds() =>
        System.Xml.Linq.XDocument.Load(PublishedFeed).Root!
            .Elements(System.Xml.Linq.XName.Get("EntityDescriptor", "urn:oasis:names:tc:SAML:2.0:metadata"))
            .Select(e => (string)e.Attribute("entityID")!)
            .ToList();

    /// <inheritdoc />
    public void Dispose()
    {
        if (_service is { HasExited: false })
        {
            _service.Kill(entireProcessTree: true);
            _service.WaitForExit(TimeSpan.FromSeconds(30));
        }

        _service?.Dispose();
        _directory.Dispose();
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_console)
        {
            _console.AppendLine(line);
        }
    }

    [GeneratedRegex("entityID=\"([^\"]+)\"")]
    private static partial Regex EntityId();
}

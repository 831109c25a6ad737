using System.Text.Json.Nodes;
using Fedmd.TestSupport;
using Fedmd.TestSupport.SoftHsm;

namespace Fedmd.Tests.EndToEnd.Support;

/// <summary>
/// A complete, isolated fedmd installation for one test class: its own SoftHSM2 token, a configuration file in a
/// temporary directory, a registry copied from metadata-samples/, and publish, log and state directories.
/// </summary>
public sealed class PassEnvironment : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    /// <summary>Creates the environment; <paramref name="configure"/> may change the configuration before it is written.</summary>
    public PassEnvironment(Action<JsonObject>? configure = null)
    {
        Token = TestHsm.CreateToken("e2e");
        Directory.CreateDirectory(RegistryDirectory);
        foreach (var sample in Directory.GetFiles(RepositoryRoot.Combine("metadata-samples"), "*.xml"))
        {
            File.Copy(sample, Path.Combine(RegistryDirectory, Path.GetFileName(sample)));
        }

        var configuration = TestConfiguration.For(Token, _directory.Path);
        configure?.Invoke(configuration);
        TestConfiguration.Write(configuration, ConfigFile);
    }

    /// <summary>This environment's token.</summary>
    public TestToken Token { get; }

    /// <summary>The configuration file.</summary>
    public string ConfigFile => _directory.Combine("fedmd.json");

    /// <summary>The registry directory, filled with the project's samples.</summary>
    public string RegistryDirectory => _directory.Combine("registry");

    /// <summary>The web root.</summary>
    public string PublishDirectory => _directory.Combine("publish");

    /// <summary>The log directory.</summary>
    public string LogDirectory => _directory.Combine("logs");

    /// <summary>The published aggregate.</summary>
    public string PublishedFeed => Path.Combine(PublishDirectory, "federation-metadata.xml");

    /// <summary>The published certificate.</summary>
    public string PublishedCertificate => Path.Combine(PublishDirectory, "metadata-signer.crt");

    /// <summary>A path inside the environment.</summary>
    public string Combine(params string[] parts) => _directory.Combine(parts);

    /// <summary>Runs fedmd with this environment's configuration.</summary>
    public ToolResult Fedmd(params string[] arguments) => FedmdCli.Run(["--config", ConfigFile, .. arguments]);

    /// <summary>Everything the log files hold.</summary>
    public string LogText() => TestConfiguration.LogText(_directory.Path);

    /// <inheritdoc />
    public void Dispose() => _directory.Dispose();
}

using System.Text.Json.Nodes;
using System.Xml;
using Fedmd.Cli.Composition;
using Fedmd.Cli.Configuration;
using Fedmd.Cli.Logging;
using Fedmd.KeyLifecycle.Saml;
using Fedmd.Metadata.Values;
using Fedmd.Metadata.Xml;
using Fedmd.Pass;
using Fedmd.Signer.Audit;
using Fedmd.Signer.Credentials;
using Fedmd.Signer.Pkcs11;
using Fedmd.Signer.Signing;
using Fedmd.TestSupport;
using Fedmd.TestSupport.SoftHsm;
using Fedmd.Verification;

namespace Fedmd.Tests.KeyLifecycle.Support;

/// <summary>
/// An isolated federation for one test: a SoftHSM2 token, the project's sample registry (whose hub is the operated
/// entity), operators alice and bob in allowed_signers, and a configuration file whose every directory is inside a
/// temporary directory.
/// </summary>
internal sealed class RolloverWorkspace : IDisposable
{
    public const string Hub = "https://hub.fedmd.example.ac.za/idp/metadata";

    private readonly TemporaryDirectory _directory = new();

    public RolloverWorkspace(Action<JsonObject>? configure = null)
    {
        Token = TestHsm.CreateToken("roll");
        Operators = new Operators(_directory.Combine("operators"), "alice", "bob");
        var configuration = WorkspaceConfiguration.Create(_directory, Token, "fedmd test federation");
        configuration["Rollover"] = new JsonObject { ["AllowedSigners"] = Operators.AllowedSigners, ["KeyBits"] = 3072 };
        configure?.Invoke(configuration);
        WorkspaceConfiguration.Write(_directory, configuration);
    }

    public TestToken Token { get; }

    public Operators Operators { get; }

    public string ConfigFile => WorkspaceConfiguration.ConfigFile(_directory);

    public string RegistryDirectory => WorkspaceConfiguration.RegistryDirectory(_directory);

    public string PublishDirectory => WorkspaceConfiguration.PublishDirectory(_directory);

    public string PublishedFeed => Path.Combine(PublishDirectory, "federation-metadata.xml");

    public string HubFile => Path.Combine(RegistryDirectory, "hub.xml");

    public string Combine(params string[] parts) => _directory.Combine(parts);

    public FedmdOptions Options() => ConfigurationLoader.Load(ConfigFile);

    public ToolResult Fedmd(params string[] arguments) => FedmdCli.Run(["--config", ConfigFile, .. arguments]);

    /// <summary>The new key's source on this workspace's token, through the test process's one PKCS#11 module.</summary>
    public ISamlKeySource TokenKeys(TimeProvider clock)
    {
        var pin = new FilePinSource(Token.PinFile);
        return new TokenSamlKeySource(new Pkcs11KeyPairGenerator(TestHsm.Module, Pkcs11KeyUri.Parse(Token.KeyUriText), pin),
            uri => new Pkcs11Key(TestHsm.Module, uri, pin), 3072, clock);
    }

    /// <summary>
    /// One real pass at <paramref name="clock"/>'s time. The metadata signing key is the token key's software copy
    /// under the same audit decorator the HSM stack uses: the test process keeps its one PKCS#11 module for the
    /// tokens (a second would finalise the library under the other tests).
    /// </summary>
    public PassOutcome RunPass(TimeProvider clock)
    {
        var options = Options();
        var typed = TypedConfiguration.From(options);
        var state = StateComponents.ForPass(options, null, clock.GetUtcNow);
        var settings = new PassSettings(options.Registry.EntitiesDirectory, options.Publish.Directory);
        var signer = new AuditingSigner(
            new EnvelopedMetadataSigner(Token.Key, Token.Certificate, SignatureMethod.Default),
            new AuditLog(state.Files.AuditLogPath),
            new SignerIdentity(Token.KeyUriText, CertificateFingerprint.Of(Token.Certificate, FingerprintAlgorithm.Sha256).ToString(), "test-host", "test-user"),
            clock);
        var verifier = new StrictVerifier(new VerificationOptions { PinnedCertificates = [Token.Certificate], Clock = clock });
        using var pass = PassComponents.Create(options, typed, settings, state, new MetadataFeedSigner(signer, Token.Certificate), verifier, new LoggedPassEvents(Serilog.Core.Logger.None), clock);
        var outcome = pass.Pass.RunAsync(CancellationToken.None).GetAwaiter().GetResult();
        Assert.Empty(outcome.Refused);
        return outcome;
    }

    /// <summary>The SHA-256 fingerprints of every certificate in the hub's KeyDescriptors in the published feed.</summary>
    public IReadOnlySet<string> PublishedHubCertificates() => HubCertificates(new SafeXmlLoader(50L * 1024 * 1024).LoadFile(PublishedFeed));

    /// <summary>The same, in the hub's registry file.</summary>
    public IReadOnlySet<string> RegistryHubCertificates() => HubCertificates(new SafeXmlLoader().LoadFile(HubFile));

    /// <summary>The published feed is valid for xmlsec1 and for <c>fedmd verify</c>, both pinned to the metadata signing certificate.</summary>
    public void AssertPublishedFeedVerifies()
    {
        Assert.True(IndependentVerifiers.Xmlsec1Accepts(PublishedFeed, Token.CertificateFile), IndependentVerifiers.Xmlsec1(PublishedFeed, Token.CertificateFile).Output);
        var verified = FedmdCli.Run(["verify", "--file", PublishedFeed, "--cert", Token.CertificateFile]);
        Assert.True(verified.ExitCode == 0, verified.Output);
    }

    public void Dispose() => _directory.Dispose();

    private static HashSet<string> HubCertificates(XmlDocument document)
    {
        var hub = document.GetElementsByTagName("EntityDescriptor", SamlNamespaces.Metadata).OfType<XmlElement>().Single(e => e.GetAttribute("entityID") == Hub);
        return hub.GetElementsByTagName("KeyDescriptor", SamlNamespaces.Metadata).OfType<XmlElement>()
            .SelectMany(k => k.GetElementsByTagName("X509Certificate", SamlNamespaces.DSig).OfType<XmlElement>())
            .Select(c => CertificateFingerprint.OfBytes(Convert.FromBase64String(string.Concat(c.InnerText.Where(ch => !char.IsWhiteSpace(ch)))), FingerprintAlgorithm.Sha256).ToString())
            .ToHashSet(StringComparer.Ordinal);
    }
}

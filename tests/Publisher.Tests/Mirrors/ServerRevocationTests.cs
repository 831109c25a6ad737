using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Fedmd.Metadata.Failures;
using Fedmd.Publisher.Mirrors;
using Fedmd.Tests.Publisher.Support;
using Fedmd.TestSupport;
using Fedmd.TestSupport.Time;

namespace Fedmd.Tests.Publisher.Mirrors;

/// <summary>The mirror's server certificate against the server CA's CRL, with the real nginx mirror and openssl-issued CRLs.</summary>
public sealed class ServerRevocationTests(WebDavMirrorFixture mirror) : IClassFixture<WebDavMirrorFixture>, IDisposable
{
    private readonly TestFeeds _feeds = new();
    private readonly TemporaryDirectory _directory = new();

    [Fact]
    public async Task A_server_certificate_the_ca_revoked_is_refused_and_nothing_is_written()
    {
        var revoking = OpensslCrl.Issue(_directory.Path, mirror.Pki.ServerCaFile, mirror.Pki.ServerCaKeyFile, [mirror.Pki.ServerCertificateFile], "revoking.crl");

        var failure = await RefusedPush("revoked-server", revoking, TimeProvider.System);

        Assert.Contains("mirror revoked-server: the server certificate CN=127.0.0.1 (serial 0A) was revoked at", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"according to ServerCrlFile {revoking}", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("must chain to the configured CA", failure.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(mirror.MirrorRoot, "revoked-server")));
    }

    [Fact]
    public async Task A_revoking_crl_in_der_is_read_as_well()
    {
        var revoking = OpensslCrl.Issue(_directory.Path, mirror.Pki.ServerCaFile, mirror.Pki.ServerCaKeyFile, [mirror.Pki.ServerCertificateFile], "revoking.der", der: true);

        var failure = await RefusedPush("revoked-der", revoking, TimeProvider.System);

        Assert.Contains("(serial 0A) was revoked at", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_current_der_crl_that_revokes_other_certificates_lets_the_push_through()
    {
        var crl = OpensslCrl.Issue(_directory.Path, mirror.Pki.ServerCaFile, mirror.Pki.ServerCaKeyFile, [mirror.Pki.GoodClientCertificateFile], "others.der", der: true);
        var endpoint = mirror.EndpointIn("others-revoked", crl);
        using var client = MirrorHttpClientFactory.Create(endpoint, TimeProvider.System);

        await new WebDavMirrorTarget(endpoint, client, _feeds.Verifier).PublishAsync(_feeds.Publication(7), CancellationToken.None);

        Assert.True(File.Exists(Path.Combine(mirror.MirrorRoot, "others-revoked", "federation-metadata.xml")));
    }

    [Fact]
    public async Task A_crl_past_its_next_update_stops_the_push()
    {
        var lateClock = new FixedClock(DateTimeOffset.UtcNow.AddHours(25));

        var failure = await RefusedPush("stale-crl", mirror.ServerCrlFile, lateClock);

        Assert.Contains($"mirror stale-crl: ServerCrlFile {mirror.ServerCrlFile} expired at its nextUpdate", failure.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(mirror.MirrorRoot, "stale-crl")));
    }

    [Fact]
    public async Task A_crl_whose_this_update_lies_ahead_of_the_clock_is_refused()
    {
        var failure = await RefusedPush("early-clock", mirror.ServerCrlFile, new FixedClock(DateTimeOffset.UtcNow.AddHours(-2)));

        Assert.Contains($"ServerCrlFile {mirror.ServerCrlFile} is not valid before", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_crl_forged_under_the_server_cas_name_with_another_key_is_refused_before_connecting()
    {
        var forged = ForgedCrl();
        var endpoint = mirror.EndpointIn("forged-crl", forged);

        var failure = Assert.Throws<FedmdException>(() => MirrorHttpClientFactory.Create(endpoint, TimeProvider.System));

        Assert.Equal(FailureKind.Configuration, failure.Kind);
        Assert.Contains($"ServerCrlFile {forged} (issued by CN=fedmd test server CA) is not signed by a CA in ServerCaFile {mirror.Pki.ServerCaFile}", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_crl_is_refused_before_connecting()
    {
        var endpoint = mirror.EndpointIn("not-a-crl", mirror.Pki.ServerCaFile);

        var failure = Assert.Throws<FedmdException>(() => MirrorHttpClientFactory.Create(endpoint, TimeProvider.System));

        Assert.Contains($"ServerCrlFile {mirror.Pki.ServerCaFile} is unusable: the PEM block is a CERTIFICATE, not an X509 CRL", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_parsed_list_verifies_only_with_its_own_cas_key()
    {
        var list = RevocationList.Parse(File.ReadAllBytes(mirror.ServerCrlFile));
        using var serverCa = X509Certificate2.CreateFromPem(File.ReadAllText(mirror.Pki.ServerCaFile));
        using var otherCa = X509Certificate2.CreateFromPem(File.ReadAllText(mirror.Pki.OtherCaFile));

        Assert.True(RevocationListSignature.IsBy(list, serverCa));
        Assert.False(RevocationListSignature.IsBy(list, otherCa));
        Assert.Equal("CN=fedmd test server CA", list.Issuer.Name);
        Assert.InRange(list.NextUpdate!.Value - list.ThisUpdate, TimeSpan.FromHours(23.9), TimeSpan.FromHours(24.1));
    }

    public void Dispose()
    {
        _feeds.Dispose();
        _directory.Dispose();
    }

    private async Task<FedmdException> RefusedPush(string directory, string serverCrl, TimeProvider clock)
    {
        var endpoint = mirror.EndpointIn(directory, serverCrl);
        using var client = MirrorHttpClientFactory.Create(endpoint, clock);
        return await Assert.ThrowsAsync<FedmdException>(() =>
            new WebDavMirrorTarget(endpoint, client, _feeds.Verifier).PublishAsync(_feeds.Publication(3), CancellationToken.None));
    }

    // Same issuer name as the genuine server CA, another key: only the signature tells them apart.
    private string ForgedCrl()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=fedmd test server CA", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var impostor = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var der = new CertificateRevocationListBuilder().Build(impostor, BigInteger.One, DateTimeOffset.UtcNow.AddDays(7), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var path = _directory.Combine("forged.crl");
        File.WriteAllText(path, new string(PemEncoding.Write("X509 CRL", der)) + "\n");
        return path;
    }
}

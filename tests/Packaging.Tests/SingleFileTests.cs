using System.Buffers.Binary;
using System.Security.Cryptography;
using Fedmd.Metadata.Values;
using Fedmd.Tests.Packaging.Support;
using Fedmd.TestSupport;
using Fedmd.TestSupport.Http;

namespace Fedmd.Tests.Packaging;

/// <summary>The single-file executables a participant downloads: they run without the SDK and are what SHA256SUMS says.</summary>
[Collection(SharedDist.Name)]
public sealed class SingleFileTests : FeedServerTest
{
    private const ushort X86_64 = 62;
    private const ushort AArch64 = 183;
    private readonly DistArtifacts _dist;
    private readonly SignedFeeds _federation = new("federation signer");

    public SingleFileTests(DistArtifacts dist) => _dist = dist;

    [Fact]
    public void Version_prints_the_version_file_and_the_commit_it_was_built_from()
    {
        var result = CleanProcess.Run(_dist.LinuxX64, ["--version"]);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal(_dist.ExpectedVersionOutput, result.StandardOutput.Trim());
        Assert.StartsWith($"{_dist.Version}+g{_dist.Commit}", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Fetch_and_verify_work_without_the_sdk_and_a_feed_signed_by_another_key_is_rejected()
    {
        var home = Directory.Combine("home");
        System.IO.Directory.CreateDirectory(home);
        var environment = new Dictionary<string, string> { ["HOME"] = home };
        var kept = Directory.Combine("federation-metadata.xml");
        var pin = CertificateFingerprint.Of(_federation.Certificate, FingerprintAlgorithm.Sha256).ToString();
        var feed = _federation.SignedFeed(TimeSpan.FromDays(10));
        Server.Serve(new FeedResponse(feed, "\"v1\""));
        string[] fetch = ["fetch", "--url", Server.FeedUrl.ToString(), "--allow-http", "--fingerprint", pin, "--out", kept];

        var fetched = CleanProcess.Run(_dist.LinuxX64, fetch, environment);
        var verified = CleanProcess.Run(_dist.LinuxX64, ["verify", "--file", kept, "--fingerprint", pin], environment);
        Server.Serve(new FeedResponse(new SignedFeeds("attacker").SignedFeed(TimeSpan.FromDays(10)), "\"evil\""));
        var rejected = CleanProcess.Run(_dist.LinuxX64, fetch, environment);

        Assert.True(fetched.ExitCode == 0, fetched.Output);
        Assert.True(verified.ExitCode == 0, verified.Output);
        Assert.True(rejected.ExitCode == 1, rejected.Output);
        Assert.Equal(feed, File.ReadAllBytes(kept));
    }

    [Fact]
    public void Sha256sums_lists_both_executables_and_the_package_and_sha256sum_accepts_it()
    {
        var check = ExternalTool.Run("sha256sum", ["--check", "--strict", "SHA256SUMS"], workingDirectory: DistArtifacts.Directory);
        var lines = File.ReadAllLines(DistArtifacts.Sums).Select(l => l.Split("  ", 2)).ToDictionary(p => p[1], p => p[0], StringComparer.Ordinal);

        Assert.True(check.ExitCode == 0, check.Output);
        Assert.Equal(3, lines.Count);
        foreach (var file in new[] { _dist.LinuxX64, _dist.LinuxArm64, _dist.DebianPackage })
        {
            using var stream = File.OpenRead(file);
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(stream)), lines[Path.GetFileName(file)]);
        }
    }

    [Fact]
    public void The_executables_are_64_bit_elf_files_for_x86_64_and_aarch64()
    {
        Assert.Equal(X86_64, ElfMachine(_dist.LinuxX64));
        Assert.Equal(AArch64, ElfMachine(_dist.LinuxArm64));
        Assert.True((File.GetUnixFileMode(_dist.LinuxArm64) & UnixFileMode.UserExecute) != 0);
    }

    // ELF header: magic, EI_CLASS 2 (64-bit), EI_DATA 1 (little-endian), e_machine at offset 18.
    private static ushort ElfMachine(string path)
    {
        var header = new byte[20];
        using (var stream = File.OpenRead(path))
        {
            stream.ReadExactly(header);
        }

        Assert.Equal("\u007fELF"u8.ToArray(), header[..4]);
        Assert.Equal(2, header[4]);
        Assert.Equal(1, header[5]);
        return BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(18));
    }
}

using System.Diagnostics;
using System.Security.Cryptography;
using Fedmd.TestSupport;
using Fedmd.TestSupport.SoftHsm;
using Fedmd.Verification;
using Xunit.Abstractions;

namespace Fedmd.Tests.EndToEnd.Publisher;

public sealed class KillDuringPublicationTests(ITestOutputHelper output) : IDisposable
{
    private const int Kills = 50;
    private static readonly TestToken Token = TestHsm.CreateToken("e2e-kill");
    private readonly TemporaryDirectory _directory = new();

    [Fact]
    public void Killing_the_publisher_with_sigkill_at_random_points_never_leaves_a_feed_that_fails_verification()
    {
        var configuration = new PublisherConfiguration(_directory, Token);
        var hsm = new KilledClientHsm(_directory.Combine("hsm"), Token);
        var first = FedmdCli.Run(["run", "--once", "--config", configuration.File], new Dictionary<string, string?> { ["SOFTHSM2_CONF"] = hsm.ConfigFile });
        Assert.True(first.ExitCode == 0, first.Output);
        var verifier = new StrictVerifier(new VerificationOptions { PinnedCertificates = [Token.Certificate] });
        var fullRun = TimeOneRun(configuration, hsm);
        var random = new Random();
        var finishedOnTheirOwn = 0;
        var publishedInTheLoop = 0;
        var sincePublication = 0;

        for (var kill = 0; kill < Kills; kill++)
        {
            // Runs slow down when the machine gets busier than when the run was timed: ten kills in a row that met no
            // publication mean the window is too short, so a run is timed again (outside the count) and the window grows.
            if (sincePublication == 10)
            {
                fullRun = TimeSpan.FromTicks(Math.Max(fullRun.Ticks, TimeOneRun(configuration, hsm).Ticks));
                sincePublication = 0;
            }

            // Anywhere from start-up to just after a normal run's end, so some kills land inside the publication.
            var delay = TimeSpan.FromMilliseconds(random.Next((int)(fullRun.TotalMilliseconds * 0.3), (int)(fullRun.TotalMilliseconds * 1.1)));
            var before = SHA256.HashData(File.ReadAllBytes(configuration.Feed));
            using var process = Start(configuration, hsm);
            if (process.WaitForExit(delay))
            {
                finishedOnTheirOwn++;
            }
            else
            {
                process.Kill();
                process.WaitForExit();
                hsm.Restore();
            }

            var feed = File.ReadAllBytes(configuration.Feed);
            var result = verifier.Verify(feed);
            Assert.True(result.IsValid, $"after kill {kill + 1} at {delay.TotalMilliseconds} ms the feed fails verification: {result.Failure}");
            if (SHA256.HashData(feed).AsSpan().SequenceEqual(before))
            {
                sincePublication++;
            }
            else
            {
                (publishedInTheLoop, sincePublication) = (publishedInTheLoop + 1, 0);
            }
        }

        output.WriteLine($"one run takes {fullRun.TotalMilliseconds:0} ms; {Kills - finishedOnTheirOwn} killed, {finishedOnTheirOwn} finished; {publishedInTheLoop} iterations published");
        Assert.True(publishedInTheLoop > 0, "no run published during the kill loop, so the kills never met a publication");
        Assert.True(IndependentVerifiers.Xmlsec1Accepts(configuration.Feed, Token.CertificateFile), "xmlsec1 rejects the feed left after the last kill");
    }

    public void Dispose() => _directory.Dispose();

    private static TimeSpan TimeOneRun(PublisherConfiguration configuration, KilledClientHsm hsm)
    {
        var clock = Stopwatch.StartNew();
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var process = Start(configuration, hsm, errors);
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"a run after the kills exited {process.ExitCode}: {string.Join('\n', errors)}");
        return clock.Elapsed;
    }

    private static Process Start(PublisherConfiguration configuration, KilledClientHsm hsm, System.Collections.Concurrent.ConcurrentQueue<string>? errors = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { FedmdCli.Program, "run", "--once", "--config", configuration.File })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["SOFTHSM2_CONF"] = hsm.ConfigFile;
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment.Remove("FEDMD_CONFIG");
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                errors?.Enqueue(line);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>
    /// The test token in a SoftHSM2 configuration of its own. SoftHSM2 keeps the token in files that the client process
    /// writes: a SIGKILL in the middle of such a write leaves the token unreadable (CKR_TOKEN_NOT_PRESENT), which no
    /// real HSM does when a client dies. After each kill the token's files are restored, so that what the test judges
    /// is fedmd's publication, not SoftHSM2's file store.
    /// </summary>
    private sealed class KilledClientHsm
    {
        private readonly string _pristine;
        private readonly string _live;

        public KilledClientHsm(string root, TestToken token)
        {
            var source = Directory.EnumerateDirectories(TestHsm.TokenDirectory)
                .Single(d => File.Exists(Path.Combine(d, "token.object"))
                    && File.ReadAllBytes(Path.Combine(d, "token.object")).AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(token.Label)) >= 0);
            _pristine = Path.Combine(root, "pristine");
            _live = Path.Combine(root, "tokens", Path.GetFileName(source));
            Copy(source, _pristine);
            Copy(source, _live);
            ConfigFile = Path.Combine(root, "softhsm2.conf");
            File.WriteAllText(ConfigFile, $"directories.tokendir = {Path.Combine(root, "tokens")}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n");
        }

        public string ConfigFile { get; }

        public void Restore()
        {
            Directory.Delete(_live, recursive: true);
            Copy(_pristine, _live);
        }

        private static void Copy(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (var file in Directory.GetFiles(from))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
            }
        }
    }
}

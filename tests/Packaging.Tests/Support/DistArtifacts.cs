using Fedmd.TestSupport;

namespace Fedmd.Tests.Packaging.Support;

/// <summary>
/// The release artefacts in <c>dist/</c>, built once per test run: test.sh runs scripts/package.sh before the tests, and
/// this fixture runs it only when <c>dist/</c> is missing or was built from another commit (a run from an IDE).
/// </summary>
public sealed class DistArtifacts
{
    /// <summary>Builds <c>dist/</c> when it does not hold this checkout's build.</summary>
    public DistArtifacts()
    {
        Version = File.ReadAllText(RepositoryRoot.Combine("VERSION")).Trim();
        Commit = Git("rev-parse", "--short=12", "HEAD");
        var dirty = Git("status", "--porcelain").Length > 0;
        ExpectedVersionOutput = $"{Version}+g{Commit}{(dirty ? ".dirty" : string.Empty)}";
        if (!IsCurrent())
        {
            var build = ExternalTool.Run(RepositoryRoot.Combine("scripts", "package.sh"), [], timeout: TimeSpan.FromMinutes(40), workingDirectory: RepositoryRoot.Path);
            if (build.ExitCode != 0)
            {
                throw new InvalidOperationException($"scripts/package.sh failed (exit {build.ExitCode}):\n{build.Output}");
            }
        }
    }

    /// <summary>The VERSION file's MAJOR.MINOR.PATCH.</summary>
    public string Version { get; }

    /// <summary>The checkout's commit, abbreviated to 12 hex digits as package.sh does.</summary>
    public string Commit { get; }

    /// <summary>What <c>fedmd --version</c> must print for this checkout.</summary>
    public string ExpectedVersionOutput { get; }

    /// <summary>The dist/ directory.</summary>
    public static string Directory => RepositoryRoot.Combine("dist");

    /// <summary>The linux-x64 single-file executable.</summary>
    public string LinuxX64 => Path.Combine(Directory, $"fedmd-{Version}-linux-x64");

    /// <summary>The linux-arm64 single-file executable.</summary>
    public string LinuxArm64 => Path.Combine(Directory, $"fedmd-{Version}-linux-arm64");

    /// <summary>The Debian package.</summary>
    public string DebianPackage => Path.Combine(Directory, $"fedmd_{Version}_amd64.deb");

    /// <summary>The checksums file.</summary>
    public static string Sums => Path.Combine(Directory, "SHA256SUMS");

    private bool IsCurrent() =>
        File.Exists(LinuxX64) && File.Exists(LinuxArm64) && File.Exists(DebianPackage) && File.Exists(Sums) &&
        CleanProcess.Run(LinuxX64, ["--version"]).StandardOutput.Trim() == ExpectedVersionOutput;

    private static string Git(params string[] arguments)
    {
        var result = ExternalTool.Run("git", ["-C", RepositoryRoot.Path, .. arguments]);
        return result.ExitCode == 0 ? result.StandardOutput.Trim() : throw new InvalidOperationException($"git {string.Join(' ', arguments)}: {result.Output}");
    }
}

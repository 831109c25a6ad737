using Fedmd.TestSupport;

namespace Fedmd.Tests.KeyLifecycle.Support;

/// <summary>
/// Operators' SSH keys made for one test (ed25519, no passphrase) and the allowed_signers file listing those who are
/// operators; a key made with <see cref="Outsider"/> is deliberately left out of it.
/// </summary>
internal sealed class Operators
{
    private readonly string _directory;

    public Operators(string directory, params string[] principals)
    {
        _directory = directory;
        Directory.CreateDirectory(directory);
        var lines = principals.Select(p => $"{p} namespaces=\"fedmd-approval\" {PublicKey(MakeKey(p))}");
        File.WriteAllText(AllowedSigners, string.Join('\n', lines) + "\n");
    }

    public string AllowedSigners => Path.Combine(_directory, "allowed_signers");

    public string KeyOf(string principal) => Path.Combine(_directory, principal);

    /// <summary>A key whose holder claims to be <paramref name="principal"/> but is not listed.</summary>
    public string Outsider(string principal) => MakeKey(principal + "-outsider");

    private string MakeKey(string name)
    {
        var path = KeyOf(name);
        var made = ExternalTool.Run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", name, "-f", path]);
        Assert.True(made.ExitCode == 0, made.Output);
        return path;
    }

    private static string PublicKey(string keyPath) => string.Join(' ', File.ReadAllText(keyPath + ".pub").Trim().Split(' ').Take(2));
}

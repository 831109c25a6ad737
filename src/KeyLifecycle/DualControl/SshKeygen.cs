using System.ComponentModel;
using System.Diagnostics;
using Fedmd.Metadata.Failures;

namespace Fedmd.KeyLifecycle.DualControl;

/// <summary>
/// OpenSSH's <c>ssh-keygen -Y</c> signatures in the <c>fedmd-approval</c> namespace. ssh-keygen reads the private key
/// file (or asks the agent) itself; no key or passphrase ever passes through this process or its command line.
/// </summary>
/// <param name="program">The ssh-keygen executable; found on PATH by default.</param>
public sealed class SshKeygen(string program = "ssh-keygen")
{
    /// <summary>The signature namespace: a signature made for anything else never verifies as an approval.</summary>
    public const string Namespace = "fedmd-approval";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Signs <paramref name="documentPath"/> with <paramref name="keyFile"/>, writing <c>documentPath.sig</c>.</summary>
    /// <exception cref="FedmdException">ssh-keygen is missing (exit 3) or refused to sign (exit 1).</exception>
    public void Sign(string keyFile, string documentPath)
    {
        var (exit, output) = Run(["-Y", "sign", "-n", Namespace, "-f", keyFile, documentPath], null);
        if (exit != 0)
        {
            throw new FedmdException(FailureKind.InvalidDocument,
                $"ssh-keygen could not sign the approval with {keyFile}: {FirstLine(output)}; pass --key with your own SSH private key (ssh-keygen -t ed25519)");
        }
    }

    /// <summary>Whether <paramref name="signatureFile"/> is <paramref name="principal"/>'s signature over <paramref name="document"/> per <paramref name="allowedSigners"/>.</summary>
    /// <returns>Null when it verifies; otherwise ssh-keygen's reason.</returns>
    public string? Verify(string allowedSigners, string principal, string signatureFile, byte[] document)
    {
        var (exit, output) = Run(["-Y", "verify", "-f", allowedSigners, "-I", principal, "-n", Namespace, "-s", signatureFile], document);
        return exit == 0 ? null : FirstLine(output);
    }

    private (int Exit, string Output) Run(IReadOnlyList<string> arguments, byte[]? input)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception($"{program} did not start");
        }
        catch (Win32Exception e)
        {
            throw new FedmdException(FailureKind.Infrastructure,
                $"{program} cannot be run ({e.Message}); install Debian's openssh-client (scripts/install-deps.sh)", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (input is not null)
            {
                process.StandardInput.BaseStream.Write(input);
            }

            process.StandardInput.Close();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new FedmdException(FailureKind.Infrastructure, $"{program} did not finish within {Timeout.TotalMinutes} minutes");
            }

            return (process.ExitCode, error.GetAwaiter().GetResult() + output.GetAwaiter().GetResult());
        }
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return string.IsNullOrEmpty(line) ? "no reason given" : line;
    }
}

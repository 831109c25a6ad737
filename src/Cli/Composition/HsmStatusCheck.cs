using Fedmd.Cli.Commands;
using Fedmd.Cli.Configuration;
using Fedmd.Metadata.Failures;
using Fedmd.Pass.Monitoring;
using Fedmd.Pass.State;

namespace Fedmd.Cli.Composition;

/// <summary>
/// What <c>fedmd keys check</c> does, as a status line: open the token (logging in with the configured PIN, through
/// the PIN latch, so a refused PIN is never tried again) and verify a test signature. A process that cannot read the
/// PIN (an NRPE agent running as another user) reports UNKNOWN rather than guessing; a token that does not answer, or
/// a signature that does not verify, is CRITICAL.
/// </summary>
internal sealed class HsmStatusCheck(FedmdOptions options, FileStateStore state, TimeProvider clock) : IStatusCheck
{
    /// <inheritdoc />
    public Task<StatusLine> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var signing = SigningComponents.Open(options, TypedConfiguration.From(options), state, clock);
            return Task.FromResult(KeysCommand.TestSignatureVerifies(signing)
                ? Line(StatusLevel.Ok, "the token signs and the configured certificate verifies the test signature")
                : Line(StatusLevel.Critical, "the token's test signature does not verify with Signing:CertificateFile"));
        }
        catch (UnauthorizedAccessException)
        {
            return Task.FromResult(Line(StatusLevel.Unknown,
                $"not checked: user {Environment.UserName} cannot read the PIN; run fedmd status as the service account (docs/monitoring.md)"));
        }
        catch (FedmdException e) when (e.Kind == FailureKind.Configuration)
        {
            return Task.FromResult(Line(StatusLevel.Unknown, $"not checked: {e.Message}"));
        }
        catch (FedmdException e)
        {
            return Task.FromResult(Line(StatusLevel.Critical, e.Message));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A monitoring check reports what it could not foresee as a line, never as a crash of the plugin.
            return Task.FromResult(Line(StatusLevel.Critical, $"the token did not answer ({e.GetType().Name}): {e.Message}"));
        }
    }

    private static StatusLine Line(StatusLevel level, string summary) => new("hsm", "hsm", level, summary);
}

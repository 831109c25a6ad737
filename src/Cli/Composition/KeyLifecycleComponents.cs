using Fedmd.Cli.Configuration;
using Fedmd.KeyLifecycle.Audit;
using Fedmd.KeyLifecycle.DualControl;
using Fedmd.KeyLifecycle.Saml;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Values;

namespace Fedmd.Cli.Composition;

/// <summary>
/// Dual control, the key-event log and the SAML rollover as configured (<c>Rollover</c>). Approvals are kept in
/// <c>StateDirectory/approvals/</c>; key events go to the signing audit log (<c>Signing:AuditLog</c>).
/// </summary>
internal static class KeyLifecycleComponents
{
    /// <summary>The approvals folder.</summary>
    public static ApprovalStore Approvals(FedmdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ApprovalStore(Path.Combine(options.StateDirectory, "approvals"));
    }

    /// <summary>The audit log, for key events.</summary>
    public static IKeyEventLog Events(FedmdOptions options, TimeProvider clock) =>
        new AuditKeyEventLog(AuditComponents.Log(options, StateComponents.Open(options).AuditLogPath), clock, Environment.MachineName, Environment.UserName);

    /// <summary>The gate: two operators' SSH-signed approvals, or (development only) none.</summary>
    /// <exception cref="FedmdException"><c>Rollover:AllowedSigners</c> is unset or missing (exit 2).</exception>
    public static IApprovalGate Gate(FedmdOptions options, IKeyEventLog events, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Rollover.DualControl)
        {
            return new UncontrolledGate();
        }

        return new SshApprovalGate(Approvals(options), new SshKeygen(), AllowedSigners(options), events, clock);
    }

    /// <summary>The allowed_signers file, which must exist for approvals to be checked.</summary>
    public static string AllowedSigners(FedmdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = options.Rollover.AllowedSigners;
        if (string.IsNullOrEmpty(path))
        {
            throw new FedmdException(FailureKind.Configuration,
                "configuration Rollover:AllowedSigners is not set: dual control checks approvals against an OpenSSH allowed_signers file listing each operator's principal and SSH public key");
        }

        return File.Exists(path)
            ? path
            : throw new FedmdException(FailureKind.Configuration, $"configuration Rollover:AllowedSigners: {path} does not exist; create it with one line per operator: PRINCIPAL namespaces=\"fedmd-approval\" ssh-ed25519 AAAA…");
    }

    /// <summary>How long an approval counts.</summary>
    public static TimeSpan ApprovalLifetime(FedmdOptions options) => Duration(options.Rollover.ApprovalLifetime);

    /// <summary>The rollover's waits and lifetime.</summary>
    public static RolloverTimings Timings(FedmdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new RolloverTimings(Duration(options.Rollover.MinimumOverlap), Duration(options.Rollover.RetireAfter), Duration(options.Rollover.CertificateLifetime));
    }

    /// <summary>The SAML rollover over the configured registry and web root.</summary>
    public static SamlRollover SamlRollover(FedmdOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        var events = Events(options, clock);
        // The gate is built only when a step needs it, so plan, stage and status run before allowed_signers exists.
        return new SamlRollover(
            options.Registry.EntitiesDirectory,
            options.Registry.MaxEntityBytes,
            States(options),
            new PublicationRecord(options.Publish.Directory),
            new DeferredApprovalGate(() => Gate(options, events, clock)),
            events,
            Timings(options),
            clock);
    }

    /// <summary>The rollover folder beside the registry.</summary>
    public static RolloverStateStore States(FedmdOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new RolloverStateStore(options.Registry.EntitiesDirectory);
    }

    /// <summary>
    /// The SAML signing certificates of the operated entities that expire within <c>Rollover:CertificateWarnBefore</c>.
    /// A warning never stops the command that asks: an unreadable registry or state is a warning line of its own.
    /// </summary>
    public static IReadOnlyList<string> LifetimeWarnings(FedmdOptions options, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        if (!Directory.Exists(options.Registry.EntitiesDirectory))
        {
            return [];
        }

        try
        {
            var entities = options.Rollover.OperatedEntities.Concat(States(options).All().Select(s => s.EntityId)).Distinct(StringComparer.Ordinal);
            return SamlCertificateLifetime.Warnings(options.Registry.EntitiesDirectory, options.Registry.MaxEntityBytes, entities, Duration(options.Rollover.CertificateWarnBefore), clock.GetUtcNow());
        }
        catch (Exception e) when (e is FedmdException or IOException or UnauthorizedAccessException)
        {
            return [$"the SAML certificate lifetime guard could not read the operated entities: {e.Message}"];
        }
    }

    // The validator has accepted every duration read here.
    private static TimeSpan Duration(string text) => XsDuration.Parse(text).Value;
}

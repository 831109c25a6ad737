using Fedmd.KeyLifecycle.Audit;
using Fedmd.KeyLifecycle.DualControl;
using Fedmd.Metadata.Failures;

namespace Fedmd.KeyLifecycle.Metadata;

/// <summary>
/// The metadata signing key rollover's steps: each reads the state file, checks the step is allowed now, asks the
/// approval gate for the dual-controlled ones (switch, finish, compromise), writes the new state, and records the step
/// in the key-event log. A refused step changes nothing.
/// </summary>
public sealed class MetadataRolloverSteps(MetadataRolloverStore store, IApprovalGate gate, IKeyEventLog events, TimeProvider clock)
{
    /// <summary>The subject every metadata rollover event names.</summary>
    public const string Subject = "metadata-signing-key";

    /// <summary>The state now, or null when no rollover was ever announced.</summary>
    public MetadataRolloverState? Status() => store.Read();

    /// <summary>
    /// Announces <paramref name="next"/> to replace the signing key at <paramref name="switchAt"/>. The signing key is
    /// the current one of a finished rollover, else <paramref name="configured"/> (<c>Signing:KeyUri</c>).
    /// </summary>
    /// <exception cref="FedmdException">A rollover is under way (exit 1), or the date or key is unusable (exit 2).</exception>
    public MetadataRolloverState Announce(MetadataSigningKey configured, MetadataSigningKey next, DateTimeOffset switchAt)
    {
        var existing = store.Read();
        if (existing is not null && existing.Phase != MetadataRolloverPhase.Finished)
        {
            throw new FedmdException(FailureKind.InvalidDocument,
                $"a rollover is already {MetadataRolloverState.Describe(existing.Phase)} ({store.Path}); finish it before announcing another");
        }

        var state = MetadataRolloverState.Announce(existing?.Current ?? configured, next, switchAt, clock.GetUtcNow());
        store.Write(state);
        events.Record(new KeyEvent("rollover-metadata-announce", Subject, [],
            $"next key {next.PublicKeyFingerprint} ({next.KeyUri}) announced to replace {state.Current.PublicKeyFingerprint} at {MetadataRolloverState.Format(switchAt)}"));
        return state;
    }

    /// <summary>The change id a switch of the announced rollover needs approvals for.</summary>
    public static ChangeId SwitchChange(MetadataRolloverState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return ChangeId.For("metadata-switch", state.Current.PublicKeyFingerprint.ToString(), state.Next?.PublicKeyFingerprint.ToString() ?? "-", MetadataRolloverState.Format(state.SwitchAt));
    }

    /// <summary>The change id finishing the switched rollover needs approvals for.</summary>
    public static ChangeId FinishChange(MetadataRolloverState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return ChangeId.For("metadata-finish", state.Previous?.PublicKeyFingerprint.ToString() ?? "-", state.Current.PublicKeyFingerprint.ToString());
    }

    /// <summary>The change id an emergency switch away from <paramref name="state"/>'s current key needs approvals for.</summary>
    public static ChangeId CompromiseChange(MetadataRolloverState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return ChangeId.For("metadata-compromise", state.Current.PublicKeyFingerprint.ToString(), state.Next?.PublicKeyFingerprint.ToString() ?? "-");
    }

    /// <summary>Switches the default names to the next key, not before the announced date, with two approvals.</summary>
    /// <exception cref="FedmdException">Nothing announced, too early, or not approved (exit 1).</exception>
    public MetadataRolloverState Switch()
    {
        var state = Required();
        var switched = state.Switch(clock.GetUtcNow());
        var principals = Approved(SwitchChange(state));
        store.Write(switched);
        events.Record(new KeyEvent("rollover-metadata-switch", Subject, principals,
            $"default names signed by {switched.Current.PublicKeyFingerprint} from now; {switched.Previous!.PublicKeyFingerprint} shown as previous until finish; change {SwitchChange(state)}"));
        return switched;
    }

    /// <summary>Removes the previous key from the web root's pages and the versioned names, with two approvals.</summary>
    /// <exception cref="FedmdException">Not switched, or not approved (exit 1).</exception>
    public MetadataRolloverState Finish()
    {
        var state = Required();
        var finished = state.Finish(clock.GetUtcNow());
        var principals = Approved(FinishChange(state));
        store.Write(finished);
        events.Record(new KeyEvent("rollover-metadata-finish", Subject, principals,
            $"previous key {state.Previous!.PublicKeyFingerprint} removed; {finished.Current.PublicKeyFingerprint} alone signs; change {FinishChange(state)}"));
        return finished;
    }

    /// <summary>
    /// Answers a compromise of the current key: switches to the announced next key at once, ignoring the announced
    /// date, or, with no announcement, to a key <paramref name="generator"/> makes; with two approvals. The previous
    /// (compromised) key is not kept as "previous": nobody should trust it any longer, so the rollover is finished.
    /// </summary>
    /// <exception cref="FedmdException">Not approved (exit 1), or no next key can be had (exit 2).</exception>
    public MetadataRolloverState Compromise(MetadataSigningKey configured, IMetadataKeyGenerator generator)
    {
        ArgumentNullException.ThrowIfNull(configured);
        ArgumentNullException.ThrowIfNull(generator);
        var now = clock.GetUtcNow();
        var state = store.Read();
        var announced = state is { Phase: MetadataRolloverPhase.Announced, Next: not null }
            ? state
            : null;
        var current = state?.Current ?? configured;
        var change = CompromiseChange(announced ?? state ?? MetadataRolloverState.Restore(MetadataRolloverPhase.Finished, current, null, null, now, now, null, null));
        var principals = Approved(change);
        announced ??= MetadataRolloverState.Announce(current, generator.Generate(current), now.AddTicks(1), now);
        var replaced = announced.Switch(now, early: true).Finish(now);
        store.Write(replaced);
        events.Record(new KeyEvent("compromise-metadata", Subject, principals,
            $"compromised key {current.PublicKeyFingerprint} replaced at once by {replaced.Current.PublicKeyFingerprint}; change {change}"));
        return replaced;
    }

    private MetadataRolloverState Required() =>
        store.Read() ?? throw new FedmdException(FailureKind.InvalidDocument,
            $"no metadata signing key rollover is announced ({store.Path} does not exist); run `fedmd rollover metadata announce` first");

    private IReadOnlyList<string> Approved(ChangeId change)
    {
        var decision = gate.Check(change);
        if (decision.Granted)
        {
            return decision.Principals;
        }

        events.Record(new KeyEvent("approval-missing", Subject, decision.Principals, $"change {change} refused: {string.Join("; ", decision.Problems)}"));
        throw new FedmdException(FailureKind.InvalidDocument,
            $"change {change} needs approvals from two operators: run `fedmd approve {change}` as two operators, then run this command again"
            + (decision.Problems.Count > 0 ? $" ({string.Join("; ", decision.Problems)})" : string.Empty));
    }
}

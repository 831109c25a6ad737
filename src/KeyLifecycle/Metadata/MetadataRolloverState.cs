using System.Globalization;
using Fedmd.Metadata.Failures;

namespace Fedmd.KeyLifecycle.Metadata;

/// <summary>
/// One metadata signing key rollover: which key signs the default names (<see cref="Current"/>), the announced
/// <see cref="Next"/> key (announced phase only), the <see cref="Previous"/> key still shown on the fingerprint page
/// (switched phase only), and when each step happened. Once a state exists it, not <c>Signing:KeyUri</c>, names the
/// signing key. Immutable: every step returns a new state.
/// </summary>
public sealed record MetadataRolloverState
{
    private MetadataRolloverState(
        MetadataRolloverPhase phase, MetadataSigningKey current, MetadataSigningKey? next, MetadataSigningKey? previous,
        DateTimeOffset switchAt, DateTimeOffset announcedAt, DateTimeOffset? switchedAt, DateTimeOffset? finishedAt)
    {
        Phase = phase;
        Current = current;
        Next = next;
        Previous = previous;
        SwitchAt = switchAt;
        AnnouncedAt = announcedAt;
        SwitchedAt = switchedAt;
        FinishedAt = finishedAt;
    }

    /// <summary>Where the rollover stands.</summary>
    public MetadataRolloverPhase Phase { get; }

    /// <summary>The key that signs the default feed names.</summary>
    public MetadataSigningKey Current { get; }

    /// <summary>The announced next key, which signs the versioned names; set in the announced phase only.</summary>
    public MetadataSigningKey? Next { get; }

    /// <summary>The key signing switched away from; set in the switched phase only.</summary>
    public MetadataSigningKey? Previous { get; }

    /// <summary>The earliest moment of the switch, as announced to participants.</summary>
    public DateTimeOffset SwitchAt { get; }

    /// <summary>When the next key was announced.</summary>
    public DateTimeOffset AnnouncedAt { get; }

    /// <summary>When the default names switched to the new key.</summary>
    public DateTimeOffset? SwitchedAt { get; }

    /// <summary>When the previous key was removed from the web root.</summary>
    public DateTimeOffset? FinishedAt { get; }

    /// <summary>Announces <paramref name="next"/> to replace <paramref name="current"/> at <paramref name="switchAt"/>.</summary>
    /// <exception cref="FedmdException">The switch date is not in the future, or the next key is the current one (exit 2).</exception>
    public static MetadataRolloverState Announce(MetadataSigningKey current, MetadataSigningKey next, DateTimeOffset switchAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(next);
        if (switchAt <= now)
        {
            throw new FedmdException(FailureKind.Configuration,
                $"--switch-at {Format(switchAt)} is not in the future; give participants time to install the next key (SWAMID: at least 24 h, InCommon: two weeks)");
        }

        return next.SameKeyAs(current)
            ? throw new FedmdException(FailureKind.Configuration,
                $"the next certificate holds the current signing key ({current.PublicKeyFingerprint}); a rollover needs a new key")
            : new MetadataRolloverState(MetadataRolloverPhase.Announced, current, next, null, switchAt, now, null, null);
    }

    /// <summary>The state after the default names switched to the next key at <paramref name="now"/>.</summary>
    /// <param name="now">The moment of the switch.</param>
    /// <param name="early">Switch before the announced date (a compromise); otherwise a switch before it is refused.</param>
    /// <exception cref="FedmdException">Not announced (exit 1), or before the announced date (exit 1, with the earliest time).</exception>
    public MetadataRolloverState Switch(DateTimeOffset now, bool early = false)
    {
        if (Phase != MetadataRolloverPhase.Announced || Next is null)
        {
            throw new FedmdException(FailureKind.InvalidDocument, $"no next key is announced (the rollover is {Describe(Phase)}); run `fedmd rollover metadata announce` first");
        }

        return now < SwitchAt && !early
            ? throw new FedmdException(FailureKind.InvalidDocument,
                $"switch refused: participants were told the switch happens at {Format(SwitchAt)}; run it again at or after {Format(SwitchAt)}")
            : new MetadataRolloverState(MetadataRolloverPhase.Switched, Next, null, Current, SwitchAt, AnnouncedAt, now, null);
    }

    /// <summary>The state after the previous key was removed at <paramref name="now"/>.</summary>
    /// <exception cref="FedmdException">Not switched yet (exit 1).</exception>
    public MetadataRolloverState Finish(DateTimeOffset now) =>
        Phase == MetadataRolloverPhase.Switched
            ? new MetadataRolloverState(MetadataRolloverPhase.Finished, Current, null, null, SwitchAt, AnnouncedAt, SwitchedAt, now)
            : throw new FedmdException(FailureKind.InvalidDocument, $"finish refused: the rollover is {Describe(Phase)}, not switched; run `fedmd rollover metadata switch` first");

    /// <summary>Rebuilds a state read from its file; the store checks that the phase and keys agree.</summary>
    internal static MetadataRolloverState Restore(
        MetadataRolloverPhase phase, MetadataSigningKey current, MetadataSigningKey? next, MetadataSigningKey? previous,
        DateTimeOffset switchAt, DateTimeOffset announcedAt, DateTimeOffset? switchedAt, DateTimeOffset? finishedAt) =>
        new(phase, current, next, previous, switchAt, announcedAt, switchedAt, finishedAt);

    /// <summary>The phase as the commands print it.</summary>
    public static string Describe(MetadataRolloverPhase phase) => phase.ToString().ToLowerInvariant();

    /// <summary>An instant as the commands print it.</summary>
    public static string Format(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

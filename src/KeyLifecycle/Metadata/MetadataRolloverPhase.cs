namespace Fedmd.KeyLifecycle.Metadata;

/// <summary>Where a metadata signing key rollover stands.</summary>
public enum MetadataRolloverPhase
{
    /// <summary>The next key is announced: default names signed by the current key, versioned names by the next.</summary>
    Announced,

    /// <summary>Default names signed by the new key; the previous one is still shown on the fingerprint page.</summary>
    Switched,

    /// <summary>Only the new key remains: no versioned names, no previous certificate.</summary>
    Finished,
}

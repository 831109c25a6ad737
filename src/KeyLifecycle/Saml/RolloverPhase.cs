namespace Fedmd.KeyLifecycle.Saml;

/// <summary>Where an entity's SAML signing certificate rollover stands.</summary>
public enum RolloverPhase
{
    /// <summary>The new key and certificate exist; the registry does not carry them yet.</summary>
    Planned,

    /// <summary>The registry carries the new certificate beside the old one; feeds publish both.</summary>
    Staged,

    /// <summary>The hub signs with the new key; the old certificate is still published.</summary>
    Active,

    /// <summary>The old certificate is removed from the registry; the rollover is complete.</summary>
    Retired,
}

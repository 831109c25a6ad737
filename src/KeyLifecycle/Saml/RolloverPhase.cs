using System.Text.Json.Serialization;

namespace Fedmd.KeyLifecycle.Saml;

/// <summary>Where an entity's SAML signing certificate rollover stands; written in lower case in the state file and in <c>--json</c>.</summary>
public enum RolloverPhase
{
    /// <summary>The new key and certificate exist; the registry does not carry them yet.</summary>
    [JsonStringEnumMemberName("planned")]
    Planned,

    /// <summary>The registry carries the new certificate beside the old one; feeds publish both.</summary>
    [JsonStringEnumMemberName("staged")]
    Staged,

    /// <summary>The hub signs with the new key; the old certificate is still published.</summary>
    [JsonStringEnumMemberName("active")]
    Active,

    /// <summary>The old certificate is removed from the registry; the rollover is complete.</summary>
    [JsonStringEnumMemberName("retired")]
    Retired,
}

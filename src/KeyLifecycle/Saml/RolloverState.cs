using System.Text.Json.Serialization;

namespace Fedmd.KeyLifecycle.Saml;

/// <summary>
/// One entity's rollover as kept in <c>REGISTRY/rollover/NAME.json</c>: sorted, indented JSON that reads well in a
/// git diff. Certificates are named by their SHA-256 fingerprint (<c>SHA256:AB:CD…</c>).
/// </summary>
/// <param name="EntityId">The entity whose SAML signing certificate rolls.</param>
/// <param name="Phase">Where the rollover stands.</param>
/// <param name="OldCertificate">The certificate being replaced.</param>
/// <param name="NewCertificate">The certificate replacing it.</param>
/// <param name="NewCertificateFile">The new certificate's PEM file, beside this state.</param>
/// <param name="NewKey">The new private key: its PKCS#11 URI, or the path of the hub's key file.</param>
/// <param name="PlannedAt">When <c>plan</c> ran.</param>
/// <param name="StagedAt">When <c>stage</c> ran.</param>
/// <param name="ActivatedAt">When <c>activate</c> ran.</param>
/// <param name="RetiredAt">When <c>retire</c> ran.</param>
/// <param name="PublishedSince">
/// Since when the publications have carried the new certificate in every feed carrying the entity, as last read from
/// the history; kept because the history prunes old versions (<c>Publish:HistoryVersions</c>) sooner than the overlap
/// may end.
/// </param>
public sealed record RolloverState(
    [property: JsonPropertyName("entityID")] string EntityId,
    [property: JsonPropertyName("phase"), JsonConverter(typeof(JsonStringEnumConverter<RolloverPhase>))] RolloverPhase Phase,
    [property: JsonPropertyName("oldCertificate")] string OldCertificate,
    [property: JsonPropertyName("newCertificate")] string NewCertificate,
    [property: JsonPropertyName("newCertificateFile")] string NewCertificateFile,
    [property: JsonPropertyName("newKey")] string NewKey,
    [property: JsonPropertyName("plannedAt")] DateTimeOffset PlannedAt,
    [property: JsonPropertyName("stagedAt")] DateTimeOffset? StagedAt = null,
    [property: JsonPropertyName("activatedAt")] DateTimeOffset? ActivatedAt = null,
    [property: JsonPropertyName("retiredAt")] DateTimeOffset? RetiredAt = null,
    [property: JsonPropertyName("publishedSince")] DateTimeOffset? PublishedSince = null);

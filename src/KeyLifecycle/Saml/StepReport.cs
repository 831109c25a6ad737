using System.Text.Json.Serialization;

namespace Fedmd.KeyLifecycle.Saml;

/// <summary>
/// What one rollover or compromise step did and what comes next, printed as text or (<c>--json</c>) as this record.
/// </summary>
/// <param name="Step">The step, e.g. <c>rollover saml stage</c>.</param>
/// <param name="EntityId">The entity.</param>
/// <param name="Done">True when the step was carried out; false when it was refused (exit 1).</param>
/// <param name="Phase">The rollover's phase after the step, when there is a rollover.</param>
/// <param name="Did">What the step did, or why it refused, one line each.</param>
/// <param name="Next">The next step to run.</param>
/// <param name="NextAllowedAt">The earliest moment the next step is allowed, when it is bound to one.</param>
/// <param name="ChangeId">The change id to approve, when the step is dual-controlled.</param>
/// <param name="State">The rollover state as kept, when there is one.</param>
public sealed record StepReport(
    [property: JsonPropertyName("step")] string Step,
    [property: JsonPropertyName("entityID")] string EntityId,
    [property: JsonPropertyName("done")] bool Done,
    [property: JsonPropertyName("phase"), JsonConverter(typeof(JsonStringEnumConverter<RolloverPhase>))] RolloverPhase? Phase,
    [property: JsonPropertyName("did")] IReadOnlyList<string> Did,
    [property: JsonPropertyName("next")] string Next,
    [property: JsonPropertyName("nextAllowedAt")] DateTimeOffset? NextAllowedAt = null,
    [property: JsonPropertyName("changeId")] string? ChangeId = null,
    [property: JsonPropertyName("state")] RolloverState? State = null);

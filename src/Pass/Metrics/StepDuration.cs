namespace Fedmd.Pass.Metrics;

/// <summary>How long one step of a pass took.</summary>
/// <param name="Step">The step's name as the metrics label shows it, e.g. <c>sign</c>.</param>
/// <param name="Elapsed">Its wall-clock duration.</param>
public sealed record StepDuration(string Step, TimeSpan Elapsed);

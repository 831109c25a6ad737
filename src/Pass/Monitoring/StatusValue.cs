namespace Fedmd.Pass.Monitoring;

/// <summary>
/// One measured value of a check, for Nagios performance data and the JSON report. Thresholds are in the value's
/// unit; <see cref="AlertsBelow"/> says whether an alert fires below them (time left) or above them (age).
/// </summary>
/// <param name="Label">A short label without quotes or '=', e.g. <c>federation-metadata.xml@local_valid_until</c>.</param>
/// <param name="Value">The value.</param>
/// <param name="Unit">Nagios unit of measure: <c>s</c>, <c>d</c> (rendered as a plain number) or empty.</param>
/// <param name="Warning">The warning threshold, when there is one.</param>
/// <param name="Critical">The critical threshold, when there is one.</param>
/// <param name="AlertsBelow">Whether values below the thresholds alert.</param>
public sealed record StatusValue(string Label, double Value, string Unit, double? Warning = null, double? Critical = null, bool AlertsBelow = false);

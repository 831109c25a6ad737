namespace Fedmd.Aggregator.Reporting;

/// <summary>One finding as report.json carries it: the rule id, its severity and the message naming the fix.</summary>
/// <param name="Rule">The stable rule id.</param>
/// <param name="Severity"><c>error</c> or <c>warning</c>.</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record FindingReport(string Rule, string Severity, string Message);

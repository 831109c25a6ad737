using Fedmd.Aggregator.Reporting;

namespace Fedmd.Pass.State;

/// <summary>Keeps the report of a refused pass, out of the web root, for the operator to read.</summary>
public interface IRefusedReportStore
{
    /// <summary>Keeps the report and says where the operator finds it.</summary>
    string Write(RunReport report);
}

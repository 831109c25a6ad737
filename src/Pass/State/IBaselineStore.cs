using Fedmd.Aggregator.Reporting;

namespace Fedmd.Pass.State;

/// <summary>The last published report: the baseline the drop guard and <c>fedmd check</c> compare with.</summary>
public interface IBaselineStore
{
    /// <summary>The baseline, or null when the state holds none yet.</summary>
    RunReport? Read();

    /// <summary>Keeps a published report as the next pass's baseline.</summary>
    void Write(RunReport report);
}

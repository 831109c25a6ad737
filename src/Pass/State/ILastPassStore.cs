namespace Fedmd.Pass.State;

/// <summary>When the last scheduled pass succeeded, so a service that was down at a scheduled hour catches up on start.</summary>
public interface ILastPassStore
{
    /// <summary>The moment of the last successful pass, or null if there was none.</summary>
    DateTimeOffset? Read();

    /// <summary>Records a successful pass.</summary>
    void Write(DateTimeOffset instant);
}

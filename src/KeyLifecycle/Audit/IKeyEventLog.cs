namespace Fedmd.KeyLifecycle.Audit;

/// <summary>Where key-lifecycle steps are written, so that the log shows who did what.</summary>
public interface IKeyEventLog
{
    /// <summary>Appends <paramref name="keyEvent"/>; throws when it cannot be written (the step must not go unrecorded).</summary>
    void Record(KeyEvent keyEvent);
}

namespace Fedmd.Pass.State;

/// <summary>The outcome of the last pass, successful or not (unlike <see cref="ILastPassStore"/>, which only the service's successes update).</summary>
public interface IPassRecordStore
{
    /// <summary>The last pass's record, or null when none was recorded (or the record is unreadable: it is rewritten by the next pass).</summary>
    PassRecord? ReadRecord();

    /// <summary>Replaces the record atomically.</summary>
    void WriteRecord(PassRecord record);
}

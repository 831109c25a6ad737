using Fedmd.Metadata.Failures;

namespace Fedmd.Pass.State;

/// <summary>Records how each pass ended; the scheduled job and <c>run --once</c> call it around the pass.</summary>
public sealed class PassRecorder(IPassRecordStore store, TimeProvider clock)
{
    /// <summary>Records a pass that started at <paramref name="startedAt"/> and published.</summary>
    public PassRecord Succeeded(DateTimeOffset startedAt)
    {
        var now = clock.GetUtcNow();
        return Write(new PassRecord(startedAt, now, 0, null, now));
    }

    /// <summary>Records a pass that failed with <paramref name="failure"/>; exit codes follow <see cref="FailureKind"/>.</summary>
    public PassRecord Failed(DateTimeOffset startedAt, Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var exitCode = failure is FedmdException known ? (int)known.Kind : (int)FailureKind.Infrastructure;
        var firstLine = failure.Message.Split('\n', 2)[0].Trim();
        return Write(new PassRecord(startedAt, clock.GetUtcNow(), exitCode, firstLine, store.ReadRecord()?.LastSuccessAt));
    }

    private PassRecord Write(PassRecord record)
    {
        store.WriteRecord(record);
        return record;
    }
}

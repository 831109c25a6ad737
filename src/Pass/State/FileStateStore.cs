using System.Globalization;
using System.Text.Json;
using Fedmd.Aggregator.Ledger;
using Fedmd.Aggregator.Reporting;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Files;
using Fedmd.Metadata.Values;
using Fedmd.Pass.Reporting;

namespace Fedmd.Pass.State;

/// <summary>
/// The state directory: the one place that knows its layout (docs/state.md describes each file). A store backed by a
/// database implements the same interfaces; the audit log and the PIN latch are still files the signer writes, so they
/// are exposed as paths.
/// </summary>
/// <param name="directory">The state directory (<c>StateDirectory</c>), absolute.</param>
/// <param name="ledgerFile">The ledger when <c>Registry:LedgerFile</c> names one (kept beside the registry), else null.</param>
/// <param name="auditLog"><c>Signing:AuditLog</c>; a relative path is taken inside the state directory.</param>
public sealed class FileStateStore(string directory, string? ledgerFile, string auditLog)
    : IPassLock, ILedgerStore, IBaselineStore, ILastPassStore, IRefusedReportStore, IPassRecordStore
{
    /// <summary>The lock file a running pass holds.</summary>
    public const string PassLockFileName = "pass.lock";

    /// <summary>The ledger's name in the state directory when <c>Registry:LedgerFile</c> is not set.</summary>
    public const string DefaultLedgerFileName = "registration-ledger.json";

    /// <summary>The folder that keeps the last published report, the drop guard's baseline.</summary>
    public const string BaselineFolder = "published-report";

    /// <summary>The file that holds the moment of the last successful scheduled pass.</summary>
    public const string LastPassFileName = "last-successful-pass";

    /// <summary>The file that records how the last pass ended, successful or not.</summary>
    public const string PassRecordFileName = "last-pass.json";

    /// <summary>The metrics file for node_exporter's textfile collector, rewritten after each pass.</summary>
    public const string MetricsFileName = "metrics.prom";

    /// <summary>The folder of each source's last good copy, <c>sources/NAME.xml</c>.</summary>
    public const string SourcesFolder = "sources";

    /// <summary>The file that records a refused PIN, so that the signer stops trying it.</summary>
    public const string PinRefusalLatchFileName = "pin-refused";

    /// <summary>Prefix of the report files a refused pass leaves.</summary>
    public const string RefusedPrefix = "refused-";

    /// <summary>The state directory.</summary>
    public string Directory { get; } = directory;

    /// <summary>The ledger file in use.</summary>
    public string LedgerPath => ledgerFile ?? Path.Combine(Directory, DefaultLedgerFileName);

    /// <summary>The signing audit log.</summary>
    public string AuditLogPath => Path.GetFullPath(auditLog, Directory);

    /// <summary>The PIN refusal latch the signer writes after the token refused the PIN.</summary>
    public string PinRefusalLatchPath => Path.Combine(Directory, PinRefusalLatchFileName);

    /// <summary>The Prometheus text file the pass rewrites (point node_exporter's textfile collector at it).</summary>
    public string MetricsPath => Path.Combine(Directory, MetricsFileName);

    private string PassRecordPath => Path.Combine(Directory, PassRecordFileName);

    private string LastPassPath => Path.Combine(Directory, LastPassFileName);

    private string BaselineDirectory => Path.Combine(Directory, BaselineFolder);

    /// <summary>Where the last good copy of the source <paramref name="name"/> is kept; the fetcher replaces it.</summary>
    public string SourceCopyPath(string name) => Path.Combine(Directory, SourcesFolder, name + ".xml");

    /// <inheritdoc />
    public IDisposable Acquire()
    {
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, PassLockFileName);
        try
        {
            // Released when the pass ends or its process dies.
            var held = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            RemoveInterruptedWrites();
            return held;
        }
        catch (IOException e)
        {
            throw new FedmdException(FailureKind.Infrastructure,
                $"another pass is running (it holds {path}); wait for it to finish, nothing was published by this one", e);
        }
    }

    // With the lock held no writer of ours is running: a temporary left here was left by a killed pass.
    private void RemoveInterruptedWrites()
    {
        var ledger = Path.GetFileName(LedgerPath);
        var places = new[]
        {
            (Directory, AtomicFileWriter.TemporaryPattern),
            (Path.GetDirectoryName(LedgerPath)!, $".{ledger}.*.fedmd-tmp"),
            (Path.Combine(Directory, SourcesFolder), AtomicFileWriter.TemporaryPattern),
        };
        foreach (var (folder, pattern) in places.Where(p => System.IO.Directory.Exists(p.Item1)))
        {
            foreach (var temporary in System.IO.Directory.EnumerateFiles(folder, pattern))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <inheritdoc />
    RegistrationLedger ILedgerStore.Read() => LedgerFile.Read(LedgerPath);

    /// <inheritdoc />
    public void Write(RegistrationLedger ledger) => AtomicFileWriter.Write(LedgerPath, LedgerFile.Serialize(ledger));

    /// <inheritdoc />
    RunReport? IBaselineStore.Read() => ReportJson.ReadPrevious(BaselineDirectory);

    /// <inheritdoc />
    void IBaselineStore.Write(RunReport report)
    {
        System.IO.Directory.CreateDirectory(BaselineDirectory);
        ReportFiles.WriteTo(BaselineDirectory, report);
    }

    /// <inheritdoc />
    DateTimeOffset? ILastPassStore.Read() =>
        File.Exists(LastPassPath) &&
        XsDateTime.TryParse(File.ReadAllText(LastPassPath).Trim(), out var instant)
            ? instant
            : null;

    /// <inheritdoc />
    public void Write(DateTimeOffset instant)
    {
        System.IO.Directory.CreateDirectory(Directory);
        File.WriteAllText(LastPassPath, instant.ToString("O", CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    string IRefusedReportStore.Write(RunReport report) => ReportFiles.WriteTo(Directory, report, RefusedPrefix);

    /// <inheritdoc />
    public PassRecord? ReadRecord()
    {
        if (!File.Exists(PassRecordPath))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<PassRecord>(File.ReadAllBytes(PassRecordPath), RecordJson);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public void WriteRecord(PassRecord record)
    {
        System.IO.Directory.CreateDirectory(Directory);
        AtomicFileWriter.Write(PassRecordPath, JsonSerializer.SerializeToUtf8Bytes(record, RecordJson));
    }

    private static readonly JsonSerializerOptions RecordJson = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };
}

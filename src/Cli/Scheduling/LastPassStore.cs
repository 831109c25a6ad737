using System.Globalization;

namespace Fedmd.Cli.Scheduling;

/// <summary>Remembers when the last pass succeeded, so a service that was down at a scheduled hour catches up on start.</summary>
public sealed class LastPassStore(string stateDirectory)
{
    private string FilePath => Path.Combine(stateDirectory, "last-successful-pass");

    /// <summary>When the last pass succeeded, or null if never.</summary>
    public DateTimeOffset? Read() =>
        File.Exists(FilePath) &&
        DateTimeOffset.TryParse(File.ReadAllText(FilePath).Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            ? instant
            : null;

    /// <summary>Records a successful pass.</summary>
    public void Write(DateTimeOffset instant)
    {
        Directory.CreateDirectory(stateDirectory);
        File.WriteAllText(FilePath, instant.ToString("O", CultureInfo.InvariantCulture));
    }
}

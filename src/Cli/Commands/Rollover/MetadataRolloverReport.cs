using System.Text.Json;
using Fedmd.KeyLifecycle.Metadata;
using Fedmd.Metadata.Values;

namespace Fedmd.Cli.Commands.Rollover;

/// <summary>
/// What every <c>rollover metadata</c> step prints: the state (phase, keys by fingerprint, times) and the next allowed
/// step with its earliest time, as text for people or as one JSON object for scripts.
/// </summary>
internal static class MetadataRolloverReport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The next step after <paramref name="state"/>, the command that takes it and the earliest time it is allowed.</summary>
    public static (string Step, string Command, DateTimeOffset? Earliest) NextStep(MetadataRolloverState? state) => state?.Phase switch
    {
        MetadataRolloverPhase.Announced => ("switch", "fedmd rollover metadata switch (two operators approve)", state.SwitchAt),
        MetadataRolloverPhase.Switched => ("finish", "fedmd rollover metadata finish (two operators approve)", null),
        _ => ("announce", "fedmd rollover metadata announce --switch-at DATE [--certificate PEM]", null),
    };

    /// <summary>Writes the state as text.</summary>
    public static void WriteText(TextWriter output, MetadataRolloverState? state, string stateFile)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (state is null)
        {
            output.WriteLine($"No metadata signing key rollover ({stateFile} does not exist): Signing:KeyUri signs every feed.");
        }
        else
        {
            output.WriteLine($"Metadata signing key rollover: {MetadataRolloverState.Describe(state.Phase)} ({stateFile})");
            WriteKey(output, "current", state.Current);
            if (state.Next is { } next)
            {
                WriteKey(output, "next", next);
            }

            if (state.Previous is { } previous)
            {
                WriteKey(output, "previous", previous);
            }

            output.WriteLine($"  announced:  {MetadataRolloverState.Format(state.AnnouncedAt)}");
            output.WriteLine($"  switch at:  {MetadataRolloverState.Format(state.SwitchAt)}");
            output.WriteLine($"  switched:   {(state.SwitchedAt is { } switched ? MetadataRolloverState.Format(switched) : "-")}");
            output.WriteLine($"  finished:   {(state.FinishedAt is { } finished ? MetadataRolloverState.Format(finished) : "-")}");
        }

        var (_, command, earliest) = NextStep(state);
        output.WriteLine($"Next: {command}{(earliest is { } at ? $", not before {MetadataRolloverState.Format(at)}" : string.Empty)}");
    }

    /// <summary>Writes the state as one JSON object.</summary>
    public static void WriteJson(TextWriter output, MetadataRolloverState? state, string stateFile)
    {
        ArgumentNullException.ThrowIfNull(output);
        var (step, command, earliest) = NextStep(state);
        output.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["stateFile"] = stateFile,
            ["phase"] = state is null ? "none" : MetadataRolloverState.Describe(state.Phase),
            ["current"] = Key(state?.Current),
            ["next"] = Key(state?.Next),
            ["previous"] = Key(state?.Previous),
            ["announcedAt"] = Time(state?.AnnouncedAt),
            ["switchAt"] = Time(state?.SwitchAt),
            ["switchedAt"] = Time(state?.SwitchedAt),
            ["finishedAt"] = Time(state?.FinishedAt),
            ["nextStep"] = new Dictionary<string, object?> { ["step"] = step, ["command"] = command, ["earliest"] = Time(earliest) },
        }, Indented));
    }

    private static void WriteKey(TextWriter output, string role, MetadataSigningKey key)
    {
        output.WriteLine($"  {role,-9}   {key.KeyUri}");
        output.WriteLine($"              public key {key.PublicKeyFingerprint.ToDisplayString()}");
        output.WriteLine($"              certificate {CertificateFingerprint.Of(key.Certificate, FingerprintAlgorithm.Sha256).ToDisplayString()}, not after {MetadataRolloverState.Format(key.Certificate.NotAfter.ToUniversalTime())}");
    }

    private static Dictionary<string, object?>? Key(MetadataSigningKey? key) => key is null ? null : new()
    {
        ["keyUri"] = key.KeyUri,
        ["publicKeySha256"] = key.PublicKeyFingerprint.ToString(),
        ["certificateSha256"] = CertificateFingerprint.Of(key.Certificate, FingerprintAlgorithm.Sha256).ToString(),
        ["notAfter"] = XsDateTime.Format(key.Certificate.NotAfter.ToUniversalTime()),
    };

    private static string? Time(DateTimeOffset? instant) => instant is { } value ? XsDateTime.Format(value) : null;
}

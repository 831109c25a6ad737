using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Files;
using Fedmd.Metadata.Values;

namespace Fedmd.KeyLifecycle.Metadata;

/// <summary>
/// The metadata signing key rollover's one state file, <c>rollover/metadata-signing-key.json</c> in the registry
/// directory: sorted, indented JSON with the certificates as PEM, so it reads well in a git diff and is versioned with
/// the registry. Written atomically; read strictly (a hand-edited file that does not make sense is refused, naming it).
/// </summary>
public sealed class MetadataRolloverStore(string path)
{
    /// <summary>The folder, inside the registry directory, of the rollover state files.</summary>
    public const string FolderName = "rollover";

    /// <summary>The file name of the metadata signing key's state.</summary>
    public const string FileName = "metadata-signing-key.json";

    /// <summary>The state file's path.</summary>
    public string Path { get; } = path;

    /// <summary>The store of the registry in <paramref name="registryDirectory"/>.</summary>
    public static MetadataRolloverStore ForRegistry(string registryDirectory) =>
        new(System.IO.Path.Combine(registryDirectory, FolderName, FileName));

    /// <summary>The state, or null when no rollover was ever announced.</summary>
    /// <exception cref="FedmdException">The file does not parse or does not make sense (exit 2).</exception>
    public MetadataRolloverState? Read()
    {
        if (!File.Exists(Path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(Path));
            return Parse(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException or CryptographicException)
        {
            throw new FedmdException(FailureKind.Configuration,
                $"rollover state {Path} is unreadable ({e.Message}); restore it from version control (git checkout -- {Path})", e);
        }
    }

    /// <summary>Replaces the state file with <paramref name="state"/>, atomically.</summary>
    public void Write(MetadataRolloverState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("announcedAt", XsDateTime.Format(state.AnnouncedAt));
            WriteKey(json, "current", state.Current);
            WriteOptionalTime(json, "finishedAt", state.FinishedAt);
            WriteKey(json, "next", state.Next);
            json.WriteString("phase", MetadataRolloverState.Describe(state.Phase));
            WriteKey(json, "previous", state.Previous);
            json.WriteString("switchAt", XsDateTime.Format(state.SwitchAt));
            WriteOptionalTime(json, "switchedAt", state.SwitchedAt);
            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        AtomicFileWriter.Write(Path, buffer.ToArray());
    }

    private static MetadataRolloverState Parse(JsonElement root)
    {
        var phase = root.GetProperty("phase").GetString() switch
        {
            "announced" => MetadataRolloverPhase.Announced,
            "switched" => MetadataRolloverPhase.Switched,
            "finished" => MetadataRolloverPhase.Finished,
            var other => throw new FormatException($"phase '{other}' is not announced, switched or finished"),
        };
        var current = ReadKey(root, "current") ?? throw new FormatException("it names no current key");
        var next = ReadKey(root, "next");
        var previous = ReadKey(root, "previous");
        if ((next is not null) != (phase == MetadataRolloverPhase.Announced) || (previous is not null) != (phase == MetadataRolloverPhase.Switched))
        {
            throw new FormatException($"a {MetadataRolloverState.Describe(phase)} rollover has a next key only when announced and a previous key only when switched");
        }

        return MetadataRolloverState.Restore(
            phase, current, next, previous, Time(root, "switchAt")!.Value, Time(root, "announcedAt")!.Value, Time(root, "switchedAt"), Time(root, "finishedAt"));
    }

    private static MetadataSigningKey? ReadKey(JsonElement root, string name)
    {
        var element = root.GetProperty(name);
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var uri = element.GetProperty("keyUri").GetString() ?? throw new FormatException($"{name}.keyUri is null");
        Fedmd.Signer.Pkcs11.Pkcs11KeyUri.Parse(uri);
        var pem = element.GetProperty("certificate").GetString() ?? throw new FormatException($"{name}.certificate is null");
        return new MetadataSigningKey(uri, X509Certificate2.CreateFromPem(pem));
    }

    private static DateTimeOffset? Time(JsonElement root, string name)
    {
        var element = root.GetProperty(name);
        return element.ValueKind == JsonValueKind.Null
            ? null
            : XsDateTime.ParseOrNull(element.GetString()) ?? throw new FormatException($"{name} is not an xs:dateTime");
    }

    private static void WriteKey(Utf8JsonWriter json, string name, MetadataSigningKey? key)
    {
        if (key is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteString("certificate", key.CertificatePem);
        json.WriteString("keyUri", key.KeyUri);
        json.WriteString("publicKeySha256", key.PublicKeyFingerprint.ToString());
        json.WriteEndObject();
    }

    private static void WriteOptionalTime(Utf8JsonWriter json, string name, DateTimeOffset? instant)
    {
        if (instant is { } value)
        {
            json.WriteString(name, XsDateTime.Format(value));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}

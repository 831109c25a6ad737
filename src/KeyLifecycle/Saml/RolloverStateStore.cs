using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Files;

namespace Fedmd.KeyLifecycle.Saml;

/// <summary>
/// The rollover folder beside the registry (<c>Registry:EntitiesDirectory/rollover/</c>): one state file and the new
/// certificate per entity. The registry reads only <c>*.xml</c> directly in its directory, so nothing here is
/// mistaken for an entity.
/// </summary>
/// <param name="registryDirectory">The registry (<c>Registry:EntitiesDirectory</c>).</param>
public sealed class RolloverStateStore(string registryDirectory)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The rollover folder.</summary>
    public string Directory { get; } = Path.Combine(registryDirectory, "rollover");

    /// <summary>The state file of <paramref name="entityId"/>.</summary>
    public string StatePath(string entityId) => Path.Combine(Directory, SafeName(entityId) + ".json");

    /// <summary>Where the new certificate of <paramref name="entityId"/> is written.</summary>
    public string CertificatePath(string entityId) => Path.Combine(Directory, SafeName(entityId) + ".next.crt");

    /// <summary>The state of <paramref name="entityId"/>, or null when no rollover was planned.</summary>
    /// <exception cref="FedmdException">The file is not a rollover state (exit 1).</exception>
    public RolloverState? Read(string entityId)
    {
        var path = StatePath(entityId);
        if (!File.Exists(path))
        {
            return null;
        }

        var state = Parse(path);
        return state.EntityId == entityId
            ? state
            : throw new FedmdException(FailureKind.InvalidDocument, $"{path} is not the rollover state of {entityId}; restore it from version control");
    }

    /// <summary>Every entity's rollover state.</summary>
    /// <exception cref="FedmdException">A state file is not a rollover state (exit 1).</exception>
    public IReadOnlyList<RolloverState> All() =>
        System.IO.Directory.Exists(Directory)
            ? System.IO.Directory.EnumerateFiles(Directory, "*.json").Order(StringComparer.Ordinal).Select(Parse).ToList()
            : [];

    /// <summary>Replaces the state file atomically.</summary>
    public void Write(RolloverState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        System.IO.Directory.CreateDirectory(Directory);
        AtomicFileWriter.Write(StatePath(state.EntityId), Encoding.UTF8.GetBytes(JsonSerializer.Serialize(state, Json) + "\n"));
    }

    private static RolloverState Parse(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<RolloverState>(File.ReadAllBytes(path), Json)
                ?? throw new FedmdException(FailureKind.InvalidDocument, $"{path} holds no rollover state; restore it from version control");
        }
        catch (JsonException e)
        {
            throw new FedmdException(FailureKind.InvalidDocument, $"{path} is not a valid rollover state ({e.Message}); restore it from version control", e);
        }
    }

    // Readable in a listing, and unique: the entityID's letters and digits, then a digest of the whole entityID.
    private static string SafeName(string entityId)
    {
        var readable = new string(entityId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? char.ToLowerInvariant(c) : '_').ToArray()).Trim('_', '.');
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(entityId)))[..8];
        return $"{(readable.Length > 80 ? readable[..80] : readable)}-{digest}";
    }
}

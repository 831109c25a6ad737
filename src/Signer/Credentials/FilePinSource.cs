using Fedmd.Metadata.Failures;
using Fedmd.Metadata.Files;

namespace Fedmd.Signer.Credentials;

/// <summary>Reads the PIN from a file that only its owner may read; a group- or world-readable file is refused.</summary>
public sealed class FilePinSource : IPinSource
{
    private readonly string _path;

    /// <summary>Creates the source for the file at <paramref name="path"/>.</summary>
    public FilePinSource(string path) => _path = path;

    /// <inheritdoc />
    public string Description => $"PIN file {_path}";

    /// <inheritdoc />
    public Pin Read()
    {
        if (!File.Exists(_path))
        {
            throw new FedmdException(FailureKind.Configuration, $"{Description} does not exist");
        }

        KeyFilePermissions.RequireOwnerOnly(_path, "PIN file");
        var text = File.ReadAllText(_path).TrimEnd('\r', '\n');
        if (text.Length == 0)
        {
            throw new FedmdException(FailureKind.Configuration, $"{Description} is empty");
        }

        return Pin.FromString(text);
    }
}

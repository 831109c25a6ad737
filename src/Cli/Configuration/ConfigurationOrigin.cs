using Fedmd.Metadata.Failures;

namespace Fedmd.Cli.Configuration;

/// <summary>
/// Where a configuration setting was written: the JSON file or one <c>FEDMD__</c> environment variable. A refusal
/// names it, so that a mistake in a variable is not looked for in the file.
/// </summary>
internal sealed class ConfigurationOrigin
{
    private readonly string? _file;
    private readonly string? _variable;

    private ConfigurationOrigin(string? file, string? variable)
    {
        _file = file;
        _variable = variable;
    }

    /// <summary>The configuration file <paramref name="path"/>.</summary>
    public static ConfigurationOrigin File(string path) => new(path, null);

    /// <summary>The environment variable <paramref name="name"/>.</summary>
    public static ConfigurationOrigin Variable(string name) => new(null, name);

    /// <summary>A configuration failure (exit 2): <paramref name="problem"/>, naming this origin.</summary>
    public FedmdException Refuse(string problem) => new(FailureKind.Configuration,
        _variable is null ? $"{problem} (in {_file})" : $"environment variable {_variable}: {problem}");
}

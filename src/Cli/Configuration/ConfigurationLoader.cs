using Fedmd.Metadata.Failures;
using Microsoft.Extensions.Configuration;

namespace Fedmd.Cli.Configuration;

/// <summary>
/// Reads the JSON configuration and its <c>FEDMD__Section__Key</c> environment overrides, resolves relative paths
/// against the file's directory, validates the result and refuses development keys outside the development profile.
/// </summary>
public static class ConfigurationLoader
{
    /// <summary>Environment variable naming the configuration file when <c>--config</c> is not given.</summary>
    public const string ConfigVariable = "FEDMD_CONFIG";

    /// <summary>Loads and validates the configuration.</summary>
    /// <exception cref="FedmdException">The file is missing or unreadable, or a value is invalid (exit 2).</exception>
    public static FedmdOptions Load(string? path)
    {
        var file = Path.GetFullPath(path ?? Environment.GetEnvironmentVariable(ConfigVariable) ?? "fedmd.json");
        if (!File.Exists(file))
        {
            throw new FedmdException(FailureKind.Configuration,
                $"configuration file {file} does not exist; pass --config FILE or set {ConfigVariable}");
        }

        var options = new FedmdOptions();
        try
        {
            new ConfigurationBuilder()
                .AddJsonFile(file, optional: false, reloadOnChange: false)
                .AddEnvironmentVariables("FEDMD__")
                .Build()
                .Bind(options);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or InvalidOperationException)
        {
            throw new FedmdException(FailureKind.Configuration, $"configuration file {file} cannot be read: {e.Message}", e);
        }

        var failure = new FedmdOptionsValidator().Validate(options).Errors.FirstOrDefault();
        if (failure is not null)
        {
            throw new FedmdException(FailureKind.Configuration, $"configuration {FedmdOptionsValidator.KeyOf(failure)}: {failure.ErrorMessage} (in {file})");
        }

        Resolve(options, Path.GetDirectoryName(file)!);
        DevelopmentKeyGuard.Check(options);
        return options;
    }

    private static void Resolve(FedmdOptions o, string baseDirectory)
    {
        string Full(string p) => Path.GetFullPath(p, baseDirectory);
        string? Optional(string? p) => string.IsNullOrEmpty(p) ? null : Full(p);
        o.Registry.EntitiesDirectory = Full(o.Registry.EntitiesDirectory);
        o.Registry.LedgerFile = Optional(o.Registry.LedgerFile);
        o.Signing.CertificateFile = Full(o.Signing.CertificateFile);
        o.Signing.PinFile = Optional(o.Signing.PinFile);
        o.Publish.ResolvePaths(Full);
        o.Sources.ForEach(s => s.ResolvePaths(Full));
        o.Logging.Directory = Full(o.Logging.Directory);
        o.StateDirectory = Full(o.StateDirectory);
        o.DevelopmentToken.SoPinFile = Optional(o.DevelopmentToken.SoPinFile) ?? string.Empty;
        o.DevelopmentToken.KeyFile = Optional(o.DevelopmentToken.KeyFile) ?? string.Empty;
    }
}

using System.Collections;
using Fedmd.Metadata.Failures;
using Microsoft.Extensions.Configuration;

namespace Fedmd.Cli.Configuration;

/// <summary>
/// Reads the JSON configuration and its <c>FEDMD__Section__Key</c> environment overrides, refuses unknown keys and
/// wrong shapes, resolves relative paths against the file's directory, validates the result and refuses development
/// keys outside the development profile. Each refusal names the file or the variable the mistake is in.
/// </summary>
internal static class ConfigurationLoader
{
    /// <summary>Environment variable naming the configuration file when <c>--config</c> is not given.</summary>
    public const string ConfigVariable = "FEDMD_CONFIG";

    /// <summary>Loads and validates the configuration, with this process's environment variables.</summary>
    /// <exception cref="FedmdException">The file is missing, unreadable or not JSON, a key is unknown or of the wrong shape, or a value is invalid (exit 2).</exception>
    public static FedmdOptions Load(string? path) =>
        Load(path ?? Environment.GetEnvironmentVariable(ConfigVariable), Environment.GetEnvironmentVariables());

    /// <summary>Loads and validates the configuration at <paramref name="path"/>, overridden from <paramref name="environment"/>.</summary>
    internal static FedmdOptions Load(string? path, IDictionary environment)
    {
        // Building the rules costs more than reading the file (each compiles its property accessors), so they are
        // built on the other core meanwhile.
        var validator = Task.Run(() => new FedmdOptionsValidator());
        var fullPath = Path.GetFullPath(path ?? "fedmd.json");
        if (!File.Exists(fullPath))
        {
            throw new FedmdException(FailureKind.Configuration,
                $"configuration file {fullPath} does not exist; pass --config FILE or set {ConfigVariable}");
        }

        var file = ConfigurationFile.Read(fullPath);
        var overrides = EnvironmentOverride.From(environment);
        var shape = OptionsShape.Of(typeof(FedmdOptions));
        ConfigurationFileCheck.Check(file, shape);
        var overridden = EnvironmentOverrideCheck.Check(overrides, shape, file);

        var options = new FedmdOptions();
        try
        {
            // The overrides come in as the environment-variables provider would give them, from the dictionary the
            // checks saw, so that the binder and the checks agree on what was set.
            new ConfigurationBuilder()
                .AddJsonStream(new MemoryStream(file.Content.ToArray(), writable: false))
                .AddInMemoryCollection(overrides.Select(o => new KeyValuePair<string, string?>(o.BinderKey, o.Value)))
                .Build()
                .Bind(options);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or InvalidOperationException)
        {
            throw new FedmdException(FailureKind.Configuration, $"configuration file {fullPath} cannot be read: {e.Message}", e);
        }

        var failure = validator.GetAwaiter().GetResult().Validate(options).Errors.FirstOrDefault();
        if (failure is not null)
        {
            var key = FedmdOptionsValidator.KeyOf(failure);
            var variable = overrides.FirstOrDefault(o => overridden[o.Variable].IsWithin(key));
            var origin = variable is null ? ConfigurationOrigin.File(fullPath) : ConfigurationOrigin.Variable(variable.Variable);
            throw origin.Refuse($"configuration {key}: {failure.ErrorMessage}");
        }

        Resolve(options, Path.GetDirectoryName(fullPath)!);
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
        o.Rollover.AllowedSigners = Optional(o.Rollover.AllowedSigners);
        o.Cluster.PasswordFile = Optional(o.Cluster.PasswordFile);
        o.StateDirectory = Full(o.StateDirectory);
        o.DevelopmentToken.SoPinFile = Optional(o.DevelopmentToken.SoPinFile) ?? string.Empty;
        o.DevelopmentToken.KeyFile = Optional(o.DevelopmentToken.KeyFile) ?? string.Empty;
    }
}

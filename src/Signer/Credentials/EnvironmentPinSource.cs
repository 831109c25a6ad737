using Fedmd.Metadata.Failures;

namespace Fedmd.Signer.Credentials;

/// <summary>Reads the PIN from an environment variable, e.g. one a systemd credential or a vault agent sets.</summary>
public sealed class EnvironmentPinSource : IPinSource
{
    private readonly string _variable;

    /// <summary>Creates the source for the variable named <paramref name="variable"/>.</summary>
    public EnvironmentPinSource(string variable) => _variable = variable;

    /// <inheritdoc />
    public string Description => $"environment variable {_variable}";

    /// <inheritdoc />
    public Pin Read()
    {
        var value = Environment.GetEnvironmentVariable(_variable);
        if (string.IsNullOrEmpty(value))
        {
            throw new FedmdException(FailureKind.Configuration, $"{Description} is not set or empty");
        }

        return Pin.FromString(value);
    }
}

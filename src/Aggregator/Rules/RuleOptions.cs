namespace Fedmd.Aggregator.Rules;

/// <summary>The tunable limits of the validation rules; the defaults are the (and SAFIRE's) policy.</summary>
public sealed record RuleOptions
{
    /// <summary>Smallest RSA key accepted, in bits.</summary>
    public int MinimumRsaBits { get; init; } = 2048;

    /// <summary>Smallest EC key accepted, in bits.</summary>
    public int MinimumEcBits { get; init; } = 256;

    /// <summary>Smallest RSA public exponent accepted.</summary>
    public long MinimumRsaExponent { get; init; } = 65537;

    /// <summary>A certificate expiring within this time draws a warning.</summary>
    public TimeSpan ExpiryWarning { get; init; } = TimeSpan.FromDays(30);
}

namespace Fedmd.Aggregator.Profiles;

/// <summary>The severities as written in configuration and docs: <c>error</c>, <c>warning</c>, <c>off</c>.</summary>
public static class ProfileSeverities
{
    /// <summary>Reads a severity (ignoring case); false for anything else.</summary>
    public static bool TryParse(string? text, out ProfileSeverity severity)
    {
        severity = text?.Trim().ToLowerInvariant() switch
        {
            "error" => ProfileSeverity.Error,
            "warning" => ProfileSeverity.Warning,
            "off" => ProfileSeverity.Off,
            _ => (ProfileSeverity)(-1),
        };
        return Enum.IsDefined(severity);
    }

    /// <summary>The severity as written in configuration.</summary>
    public static string Name(ProfileSeverity severity) => severity.ToString().ToLowerInvariant();
}

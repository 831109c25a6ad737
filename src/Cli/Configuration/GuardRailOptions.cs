namespace Fedmd.Cli.Configuration;

/// <summary>The guard rails checked before signing.</summary>
internal sealed class GuardRailOptions
{
    /// <summary>A feed losing more than this percentage of its entities since the last publication is refused without --allow-drop.</summary>
    public double MaximumDropPercent { get; set; } = 10;
}

namespace Fedmd.Cli.Configuration;

/// <summary>
/// The whole configuration, bound from the JSON file and <c>FEDMD__Section__Key</c> environment variables. Relative
/// paths are resolved against the directory of the configuration file.
/// </summary>
internal sealed class FedmdOptions
{
    /// <summary>Name of the development profile, the only one allowed to use <c>keys-dev/</c>.</summary>
    public const string DevelopmentProfile = "development";

    /// <summary><c>development</c> or <c>production</c>.</summary>
    public string Profile { get; set; } = DevelopmentProfile;

    /// <summary>The federation's identity.</summary>
    public FederationOptions Federation { get; set; } = new();

    /// <summary>Where entities come from.</summary>
    public RegistryOptions Registry { get; set; } = new();

    /// <summary>The aggregate's shape.</summary>
    public AggregateOptions Aggregate { get; set; } = new();

    /// <summary>The output feeds; empty means one feed of every accepted entity, named by <c>Aggregate</c>.</summary>
    public List<FeedOptions> Feeds { get; set; } = [];

    /// <summary>Remote aggregates (e.g. eduGAIN) that feeds may import; none by default.</summary>
    public List<SourceOptions> Sources { get; set; } = [];

    /// <summary>The validation rules' settings.</summary>
    public ValidationOptions Validation { get; set; } = new();

    /// <summary>The guard rails checked before signing.</summary>
    public GuardRailOptions GuardRails { get; set; } = new();

    /// <summary>The metadata signing key and certificate.</summary>
    public SigningOptions Signing { get; set; } = new();

    /// <summary>Where the signed aggregate goes.</summary>
    public PublishOptions Publish { get; set; } = new();

    /// <summary>When the service runs.</summary>
    public ScheduleOptions Schedule { get; set; } = new();

    /// <summary>What <c>fedmd status</c> judges and how strictly.</summary>
    public MonitoringOptions Monitoring { get; set; } = new();

    /// <summary>Dual control and the SAML signing certificate rollover.</summary>
    public RolloverOptions Rollover { get; set; } = new();

    /// <summary>Where logs go.</summary>
    public LoggingOptions Logging { get; set; } = new();

    /// <summary>The PostgreSQL database two nodes share; not configured by default.</summary>
    public ClusterOptions Cluster { get; set; } = new();

    /// <summary>Where run state (the last successful pass) is kept.</summary>
    public string StateDirectory { get; set; } = "out/state";

    /// <summary>The development token's SO PIN and software key; only the development profile uses these.</summary>
    public DevelopmentTokenOptions DevelopmentToken { get; set; } = new();

    /// <summary>Whether this is the development profile.</summary>
    public bool IsDevelopment => string.Equals(Profile, DevelopmentProfile, StringComparison.Ordinal);
}

namespace Fedmd.Cli.Configuration;

/// <summary>How a failing mirror push is retried (<c>Publish:MirrorRetry</c>): bounded, with doubling pauses.</summary>
internal sealed class PublishRetryOptions
{
    /// <summary>Tries in all per mirror and run.</summary>
    public int Attempts { get; set; } = 4;

    /// <summary>The pause after the first failure, in seconds; it doubles after each further failure.</summary>
    public int FirstDelaySeconds { get; set; } = 5;

    /// <summary>The longest pause, in seconds.</summary>
    public int MaxDelaySeconds { get; set; } = 60;
}

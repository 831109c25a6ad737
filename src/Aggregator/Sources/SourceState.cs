namespace Fedmd.Aggregator.Sources;

/// <summary>Which copy of a remote source a run uses.</summary>
public enum SourceState
{
    /// <summary>A new document was fetched and verified.</summary>
    Fetched,

    /// <summary>The server answered 304; the kept copy verified again.</summary>
    NotModified,

    /// <summary>The fetch failed; the last good copy still verifies and has not expired, so it is used.</summary>
    Fallback,

    /// <summary>The fetch failed and no kept copy verifies (none, expired or tampered): feeds using it are refused.</summary>
    Unavailable,
}

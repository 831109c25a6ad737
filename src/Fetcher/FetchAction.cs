namespace Fedmd.Fetcher;

/// <summary>What a fetch did to the kept file.</summary>
public enum FetchAction
{
    /// <summary>A new document verified and replaced the kept file.</summary>
    Updated,

    /// <summary>The server answered 304; the kept file still verifies and was left as it is.</summary>
    NotModified,

    /// <summary>The fetch failed; the kept file (if any) was left byte for byte as it was.</summary>
    KeptPrevious,
}

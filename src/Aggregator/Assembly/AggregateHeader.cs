using Fedmd.Metadata.Values;

namespace Fedmd.Aggregator.Assembly;

/// <summary>The attributes and publication information of an aggregate's root element.</summary>
/// <param name="Name">The <c>Name</c> attribute, e.g. <c>https://fedmd.example.ac.za/metadata</c>.</param>
/// <param name="Id">The root <c>ID</c>: an NCName, <c>_</c> followed by hex.</param>
/// <param name="ValidUntil">When consumers must stop using the aggregate.</param>
/// <param name="CacheDuration">How long consumers may cache it before fetching again.</param>
/// <param name="Publisher">The <c>mdrpi:PublicationInfo</c> publisher.</param>
/// <param name="CreationInstant">The <c>mdrpi:PublicationInfo</c> creationInstant.</param>
public sealed record AggregateHeader(string Name, string Id, DateTimeOffset ValidUntil, XsDuration CacheDuration, string Publisher, DateTimeOffset CreationInstant)
{
    /// <summary>A fresh root ID: <c>_</c> and 32 hex digits, an NCName as XML Signature references need.</summary>
    public static string NewId() => "_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}

using Fedmd.Aggregator.Profiles;
using Fedmd.Cli.Configuration;
using Fedmd.Metadata.Values;

namespace Fedmd.Cli.Composition;

/// <summary>One configured source with its values as types.</summary>
/// <param name="Options">The source's section, for its names, files and flags.</param>
/// <param name="Url">The aggregate's URL.</param>
/// <param name="MaxValidity">The longest accepted validUntil window.</param>
/// <param name="BlockedEntityIds">entityIDs never imported.</param>
/// <param name="Profile">The import profile with the source's <c>Rules</c> applied.</param>
internal sealed record TypedSource(SourceOptions Options, Uri Url, TimeSpan MaxValidity, IReadOnlySet<EntityId> BlockedEntityIds, RuleProfile Profile);

namespace Fedmd.Aggregator.Transforms;

/// <summary>The federation's registration facts injected into every entity.</summary>
/// <param name="Authority">The <c>registrationAuthority</c>, e.g. <c>https://safire.ac.za</c>.</param>
/// <param name="PolicyUrl">The English <c>mdrpi:RegistrationPolicy</c> URL.</param>
public sealed record RegistrationPolicy(string Authority, string PolicyUrl);

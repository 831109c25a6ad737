namespace Fedmd.Signer.Signing;

/// <summary>What signing a file learned about the document in the same pass, for the audit entry.</summary>
/// <param name="EntityCount">
/// How many md:EntityDescriptor elements the signed document holds (1 for an md:EntityDescriptor root), counted in
/// the bytes that were signed rather than told by the caller.
/// </param>
public sealed record SignedFile(int EntityCount);

namespace Fedmd.Signer.Credentials;

/// <summary>What is needed to log in to the token and find the key, checked by <see cref="TokenCredentialsValidator"/>.</summary>
/// <param name="TokenLabel">The token's label.</param>
/// <param name="KeyLabel">The key's label, when the key is found by label.</param>
/// <param name="Pin">The user PIN.</param>
public sealed record TokenCredentials(string TokenLabel, string? KeyLabel, Pin Pin);

namespace Fedmd.Aggregator.Model;

/// <summary>One ContactPerson.</summary>
/// <param name="Type">The SAML <c>contactType</c>, e.g. <c>technical</c>.</param>
/// <param name="RefedsType">The REFEDS <c>remd:contactType</c>, or null.</param>
/// <param name="EmailAddresses">The EmailAddress values as written.</param>
public sealed record ContactModel(string Type, string? RefedsType, IReadOnlyList<string> EmailAddresses)
{
    /// <summary>The REFEDS security contact type.</summary>
    public const string SecurityType = "http://refeds.org/metadata/contactType/security";

    /// <summary>Whether some address is a <c>mailto:</c> URI.</summary>
    public bool HasMailto => EmailAddresses.Any(a => a.Trim().StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) && a.Trim().Length > 7);
}

using Fedmd.Aggregator.Model;
using FluentValidation;

namespace Fedmd.Aggregator.Rules;

/// <summary>An entity that claims Sirtfi has a REFEDS security contact with a <c>mailto:</c> address, as Sirtfi requires.</summary>
internal sealed class SirtfiSecurityContactRule : EntityRule
{
    /// <summary>The stable id reports, <c>Sources[].Rules</c> and docs/validation.md name this rule by; never renamed.</summary>
    public const string Id = "contact.sirtfi-security";

    /// <summary>The assurance-certification attribute name.</summary>
    public const string AssuranceCertification = "urn:oasis:names:tc:SAML:attribute:assurance-certification";

    /// <summary>The Sirtfi value (v1 and v2).</summary>
    public static readonly IReadOnlyList<string> SirtfiValues = ["https://refeds.org/sirtfi", "https://refeds.org/sirtfi2"];

    /// <summary>Creates the rule.</summary>
    public SirtfiSecurityContactRule()
    {
        RuleFor(m => m.Contacts)
            .Must(HasSecurityContact)
            .OverridePropertyName(Id)
            .When(m => SirtfiValues.Any(v => m.HasEntityAttribute(AssuranceCertification, v)))
            .WithMessage($"the entity claims Sirtfi but has no security contact; add a ContactPerson contactType=\"other\" with remd:contactType=\"{ContactModel.SecurityType}\" and a mailto: EmailAddress");
    }

    /// <inheritdoc />
    public override string RuleId => Id;

    /// <summary>Whether <paramref name="contacts"/> include a REFEDS security contact with a <c>mailto:</c> address.</summary>
    public static bool HasSecurityContact(IEnumerable<ContactModel> contacts) =>
        contacts.Any(x => x.RefedsType == ContactModel.SecurityType && x.HasMailto);
}

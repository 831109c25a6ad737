using Fedmd.Aggregator.Model;
using Fedmd.Aggregator.Rules;

namespace Fedmd.Tests.Aggregator.Support;

/// <summary>Entity models that pass every rule, to vary one property at a time.</summary>
public static class Models
{
    private static readonly Lazy<string> GoodCertificate = new(() => Keys.Rsa());

    /// <summary>A certificate every key rule accepts.</summary>
    public static string Certificate => GoodCertificate.Value;

    /// <summary>A valid identity provider role.</summary>
    public static RoleModel IdpRole(
        IReadOnlyList<EndpointModel>? endpoints = null,
        IReadOnlyList<KeyDescriptorModel>? keys = null,
        IReadOnlyList<ScopeModel>? scopes = null,
        IReadOnlyList<TextModel>? displayNames = null,
        IReadOnlyList<TextModel>? descriptions = null,
        IReadOnlyList<string>? logos = null) => new(
        RoleModel.IdentityProviderKind,
        endpoints ?? [new EndpointModel("SingleSignOnService", "Location", "https://idp.example.ac.za/sso")],
        keys ?? [new KeyDescriptorModel("signing", 1, [Certificate])],
        scopes ?? [new ScopeModel("example.ac.za", "false")],
        displayNames ?? [new TextModel("DisplayName", "en", "Example University", 0)],
        descriptions ?? [new TextModel("Description", "en", "Staff and student login", 0)],
        logos ?? ["https://www.example.ac.za/logo.png"]);

    /// <summary>A valid service provider role.</summary>
    public static RoleModel SpRole() => new(
        "SPSSODescriptor",
        [new EndpointModel("AssertionConsumerService", "Location", "https://sp.example.ac.za/acs")],
        [new KeyDescriptorModel(string.Empty, 1, [Certificate])],
        [],
        [],
        [],
        []);

    /// <summary>A technical contact with a mailto: address.</summary>
    public static ContactModel Technical => new("technical", null, ["mailto:iam@example.ac.za"]);

    /// <summary>A valid entity with the given roles (an IdP by default).</summary>
    public static EntityModel Entity(
        IReadOnlyList<RoleModel>? roles = null,
        IReadOnlyList<ContactModel>? contacts = null,
        IReadOnlyList<TextModel>? texts = null,
        IReadOnlyDictionary<string, IReadOnlySet<string>>? attributes = null) => new(
        "https://idp.example.ac.za/idp/shibboleth",
        roles ?? [IdpRole()],
        attributes ?? new Dictionary<string, IReadOnlySet<string>>(),
        contacts ?? [Technical],
        texts ?? [new TextModel("Organization/OrganizationName", "en", "Example University", 1)]);

    /// <summary>A valid identity provider whose one signing KeyDescriptor holds <paramref name="base64"/>.</summary>
    public static EntityModel WithCertificate(string base64) =>
        Entity([IdpRole(keys: [new KeyDescriptorModel("signing", 1, [base64])])]);

    /// <summary>Sirtfi claimed.</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Sirtfi => new Dictionary<string, IReadOnlySet<string>>
    {
        [SirtfiSecurityContactRule.AssuranceCertification] = new HashSet<string> { "https://refeds.org/sirtfi" },
    };

    /// <summary>Runs a rule and returns its failures as (rule id, is error, message).</summary>
    public static IReadOnlyList<(string Rule, bool IsError, string Message)> Findings(IEntityRule rule, EntityModel model, DateTimeOffset? now = null) =>
        rule.Validate(model, TestPipelines.Context(now: now)).Errors
            .Select(f => (f.ErrorCode, f.Severity == FluentValidation.Severity.Error, f.ErrorMessage))
            .ToList();
}

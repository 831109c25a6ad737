using System.Text;
using System.Text.RegularExpressions;
using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Profiles;
using Fedmd.Aggregator.Rules;
using Fedmd.Aggregator.Runs;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Profiles;

/// <summary>The registry's profile keeps today's behaviour, including Validation:ExpiredCertificateIsError as its key.expiry at error.</summary>
public sealed partial class RegistrationProfileTests
{
    private static EntityItem Judged(RuleProfile profile, string certificate)
    {
        var xml = Certificate().Replace(File.ReadAllText(Samples.Good("idp-nrc.xml")), $"<ds:X509Certificate>{certificate}</ds:X509Certificate>", 1);
        var item = new EntityItem("idp-nrc.xml", Encoding.UTF8.GetBytes(xml));
        StandardPipeline.CreateForOrigins(TestPipelines.Settings() with { RegistrationProfile = profile }).Registry.Run([item], TestPipelines.Context());
        return item;
    }

    [GeneratedRegex("<ds:X509Certificate>[^<]*</ds:X509Certificate>")]
    private static partial Regex Certificate();

    [Fact]
    public void An_expired_certificate_is_a_warning_for_the_registry_by_default_and_an_error_when_configured()
    {
        var expired = Keys.Rsa(notAfter: DateTimeOffset.UtcNow.AddDays(-3));
        var expiredIsError = RuleProfile.Registration.With(new Dictionary<string, ProfileSeverity> { [CertificateExpiryRule.Id] = ProfileSeverity.Error });

        var byDefault = Judged(RuleProfile.Registration, expired);
        var configured = Judged(expiredIsError, expired);

        Assert.False(byDefault.HasErrors);
        Assert.Contains(byDefault.Messages, m => m.RuleId == CertificateExpiryRule.Id && m.Severity == Severity.Warning);
        Assert.Contains(configured.Messages, m => m.RuleId == CertificateExpiryRule.Id && m.Severity == Severity.Error);
    }
}

using Fedmd.Metadata.Failures;
using Fedmd.Signer.Signing;
using Fedmd.TestSupport;
using Fedmd.TestSupport.Time;

namespace Fedmd.Tests.Signer.Signing;

public sealed class CertificateLifetimeGuardTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_certificate_far_from_expiry_signs_without_warning()
    {
        var (guard, inner, warnings) = Guard(notAfter: Now.AddDays(365));

        guard.Sign(SampleMetadata.Request(SampleMetadata.UnsignedAggregate(), Now.AddDays(10)));

        Assert.Equal(1, inner.Calls);
        Assert.Empty(warnings);
    }

    [Fact]
    public void A_certificate_expiring_within_90_days_signs_with_a_warning()
    {
        var (guard, inner, warnings) = Guard(notAfter: Now.AddDays(60));

        guard.Sign(SampleMetadata.Request(SampleMetadata.UnsignedAggregate(), Now.AddDays(10)));

        Assert.Equal(1, inner.Calls);
        Assert.Contains("plan the rollover", Assert.Single(warnings), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(13, 5, "within the refusal window of 14 days")]
    [InlineData(30, 31, "after the signing certificate expires")]
    public void Signing_is_refused_near_expiry_or_when_validUntil_outlives_the_certificate(int notAfterDays, int validUntilDays, string reason)
    {
        var (guard, inner, _) = Guard(notAfter: Now.AddDays(notAfterDays));

        var failure = Assert.Throws<FedmdException>(() => guard.Sign(SampleMetadata.Request(SampleMetadata.UnsignedAggregate(), Now.AddDays(validUntilDays))));

        Assert.Equal(0, inner.Calls);
        Assert.Equal(FailureKind.Configuration, failure.Kind);
        Assert.Contains(reason, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_windows_are_configurable()
    {
        var (guard, inner, warnings) = Guard(notAfter: Now.AddDays(13), new CertificateLifetimePolicy(TimeSpan.FromDays(20), TimeSpan.FromDays(7)));

        guard.Sign(SampleMetadata.Request(SampleMetadata.UnsignedAggregate(), Now.AddDays(5)));

        Assert.Equal(1, inner.Calls);
        Assert.Single(warnings);
    }

    private static (CertificateLifetimeGuard Guard, CountingSigner Inner, List<string> Warnings) Guard(DateTimeOffset notAfter, CertificateLifetimePolicy? policy = null)
    {
        var (key, certificate) = TestCertificates.CreateRsa("lifetime", notBefore: Now.AddYears(-1), notAfter: notAfter);
        key.Dispose();
        var inner = new CountingSigner();
        var warnings = new List<string>();
        return (new CertificateLifetimeGuard(inner, certificate, policy ?? new CertificateLifetimePolicy(TimeSpan.FromDays(90), TimeSpan.FromDays(14)), new FixedClock(Now), warnings.Add), inner, warnings);
    }

    private sealed class CountingSigner : IMetadataSigner
    {
        public int Calls { get; private set; }

        public byte[] Sign(SigningRequest request)
        {
            Calls++;
            return [];
        }
    }
}

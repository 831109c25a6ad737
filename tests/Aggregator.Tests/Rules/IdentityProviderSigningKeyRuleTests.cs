using Fedmd.Aggregator.Model;
using Fedmd.Aggregator.Rules;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Rules;

public class IdentityProviderSigningKeyRuleTests
{
    [Theory]
    [InlineData("signing")]
    [InlineData("")]
    public void An_IdP_with_a_key_for_signing_passes(string use)
    {
        Assert.Empty(Models.Findings(new IdentityProviderSigningKeyRule(), Models.Entity([Models.IdpRole(keys: [new KeyDescriptorModel(use, 1, [Models.Certificate])])])));
    }

    [Fact]
    public void An_IdP_with_only_an_encryption_key_or_an_empty_signing_descriptor_is_an_error()
    {
        var encryptionOnly = Models.Entity([Models.IdpRole(keys: [new KeyDescriptorModel("encryption", 1, [Models.Certificate])])]);
        var emptySigning = Models.Entity([Models.IdpRole(keys: [new KeyDescriptorModel("signing", 0, [])])]);

        Assert.Equal(IdentityProviderSigningKeyRule.Id, Assert.Single(Models.Findings(new IdentityProviderSigningKeyRule(), encryptionOnly)).Rule);
        Assert.True(Assert.Single(Models.Findings(new IdentityProviderSigningKeyRule(), emptySigning)).IsError);
    }

    [Fact]
    public void A_service_provider_needs_no_signing_key()
    {
        Assert.Empty(Models.Findings(new IdentityProviderSigningKeyRule(), Models.Entity([Models.SpRole() with { Keys = [new KeyDescriptorModel("encryption", 1, [Models.Certificate])] }])));
    }
}

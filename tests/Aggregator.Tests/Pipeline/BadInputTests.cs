using Fedmd.Aggregator.Pipeline;
using Fedmd.Aggregator.Rules;
using Fedmd.Aggregator.Stages;
using Fedmd.Aggregator.Transforms;
using Fedmd.Tests.Aggregator.Support;

namespace Fedmd.Tests.Aggregator.Pipeline;

/// <summary>Each broken sample is excluded with its own rule, and the good entities around it still pass.</summary>
public class BadInputTests
{
    [Theory]
    [InlineData("not-xml.xml", EntityParser.WellFormedRule)]
    [InlineData("empty.xml", EntityParser.WellFormedRule)]
    [InlineData("dtd-external-entity.xml", EntityParser.DtdRule)]
    [InlineData("billion-laughs.xml", EntityParser.DtdRule)]
    [InlineData("wrong-root.xml", EntityParser.RootRule)]
    [InlineData("two-entities.xml", EntityParser.WellFormedRule)]
    [InlineData("invalid-utf8.xml", EntityParser.EncodingRule)]
    [InlineData("relative-entityid.xml", EntityIdCheck.Rule)]
    [InlineData("schema-invalid.xml", SchemaValidation.Rule)]
    [InlineData("http-endpoint.xml", EndpointHttpsRule.Id)]
    [InlineData("weak-key.xml", KeyStrengthRule.Id)]
    [InlineData("missing-scope.xml", ScopePresentRule.Id)]
    [InlineData("no-technical-contact.xml", TechnicalContactRule.Id)]
    [InlineData("sirtfi-without-security-contact.xml", SirtfiSecurityContactRule.Id)]
    public void A_broken_file_is_excluded_by_its_rule_and_the_good_ones_pass(string file, string rule)
    {
        var items = new List<EntityItem> { Read(Samples.Good("sp-library.xml")), Read(Samples.Bad(file)), Read(Samples.Good("idp-uni-b.xml")) };

        var result = TestPipelines.Standard().Run(items, TestPipelines.Context());

        var rejected = Assert.Single(result.Rejected);
        Assert.Equal(Samples.Bad(file), rejected.Source);
        Assert.Equal([rule], rejected.Messages.Where(m => m.Severity == Severity.Error).Select(m => m.RuleId).Distinct());
        Assert.Equal(2, result.Accepted.Count);
    }

    [Fact]
    public void A_duplicate_entity_id_excludes_both_copies()
    {
        var items = new List<EntityItem> { Read(Samples.Good("idp-uni-a.xml")), Read(Samples.Bad("duplicate-entityid.xml")), Read(Samples.Good("sp-wiki.xml")) };

        var result = TestPipelines.Standard().Run(items, TestPipelines.Context());

        Assert.Equal(2, result.Rejected.Count);
        Assert.All(result.Rejected, r => Assert.Contains(r.Messages, m => m.RuleId == DuplicateEntityIdCheck.Rule));
        Assert.Single(result.Accepted);
    }

    [Fact]
    public void Signature_and_registration_info_are_stripped_not_rejected()
    {
        var item = Read(Samples.Bad("carries-signature-and-registrationinfo.xml"));

        var result = TestPipelines.Standard().Run([item], TestPipelines.Context());

        Assert.Same(item, Assert.Single(result.Accepted));
        Assert.Equal([SignatureStripping.Rule, RegistrationInfoStripping.Rule], item.Rules());
        var published = System.Text.Encoding.UTF8.GetString(item.Bytes);
        Assert.DoesNotContain("other-federation.example.org", published, StringComparison.Ordinal);
        Assert.DoesNotContain("SignatureValue", published, StringComparison.Ordinal);
        Assert.Contains("registrationAuthority=\"https://fedmd.example.ac.za\"", published, StringComparison.Ordinal);
        Assert.Contains("http://refeds.org/category/research-and-scholarship", published, StringComparison.Ordinal);
    }

    [Fact]
    public void A_200_megabyte_file_is_refused_without_being_read()
    {
        using var directory = new Fedmd.TestSupport.TemporaryDirectory();
        var huge = directory.Combine("huge.xml");
        using (var stream = File.Create(huge))
        {
            stream.SetLength(200L * 1024 * 1024);
        }

        File.Copy(Samples.Good("sp-lms.xml"), directory.Combine("sp-lms.xml"));

        var items = new Fedmd.Aggregator.Registry.RegistryDirectory(directory.Path, Fedmd.Metadata.Xml.SafeXmlLoader.DefaultMaxBytes).ReadItems();
        var result = TestPipelines.Standard().Run(items, TestPipelines.Context());

        var rejected = Assert.Single(result.Rejected);
        Assert.Equal(huge, rejected.Source);
        Assert.Empty(rejected.Bytes);
        Assert.Equal(EntityParser.SizeRule, Assert.Single(rejected.Messages).RuleId);
        Assert.Contains("not read", rejected.Messages[0].Message, StringComparison.Ordinal);
        Assert.Single(result.Accepted);
    }

    [Fact]
    public void The_xxe_file_never_leaks_what_it_points_at()
    {
        var item = Read(Samples.Bad("dtd-external-entity.xml"));

        TestPipelines.Standard().Run([item], TestPipelines.Context());

        Assert.DoesNotContain("root:", item.Messages[0].Message, StringComparison.Ordinal);
        Assert.DoesNotContain("passwd", item.Messages[0].Message, StringComparison.Ordinal);
    }

    private static EntityItem Read(string path) => new(path, File.ReadAllBytes(path));
}

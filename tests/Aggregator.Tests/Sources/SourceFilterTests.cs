using Fedmd.Aggregator.Sources;
using Fedmd.TestSupport.Http;

namespace Fedmd.Tests.Aggregator.Sources;

/// <summary>Each of a source's filters, applied to a real import of a mixed remote aggregate.</summary>
public sealed class SourceFilterTests : SourceTest
{
    private const string OwnAuthority = "https://fedmd.example.ac.za";
    private static readonly string UniB = RemoteAggregate.ForeignEntityId("idp-uni-b.xml");
    private static readonly string Nrc = RemoteAggregate.ForeignEntityId("idp-nrc.xml");
    private static readonly string Journals = RemoteAggregate.ForeignEntityId("sp-journals.xml");
    private static readonly string Lms = RemoteAggregate.ForeignEntityId("sp-lms.xml");
    private const string ReImported = "https://idp.uni-a.example.ac.za/idp/shibboleth";

    private static SourceFilter Filter(
        string[]? roles = null, string[]? categories = null, string[]? blocked = null, string? ownAuthority = null, bool sirtfiOnly = false) => new(
        (roles ?? []).ToHashSet(StringComparer.Ordinal),
        (categories ?? []).ToHashSet(StringComparer.Ordinal),
        (blocked ?? []).Select(Entity).ToHashSet(),
        ownAuthority,
        sirtfiOnly);

    private static Fedmd.Metadata.Values.EntityId Entity(string text) =>
        Fedmd.Metadata.Values.EntityId.TryCreate(text, out var id, out var problem) ? id! : throw new ArgumentException(problem, nameof(text));

    private async Task<SourceImport> ImportMixedAsync(SourceFilter filter)
    {
        Serve(new RemoteAggregate()
            .Foreign("idp-uni-b.xml")
            .Foreign("idp-nrc.xml")
            .Foreign("sp-journals.xml")
            .Foreign("sp-lms.xml")
            .Same("idp-uni-a.xml", OwnAuthority)
            .Build(DateTimeOffset.UtcNow.AddDays(7)));
        return await ImportAsync(filter);
    }

    [Fact]
    public async Task Without_filters_every_entity_is_imported()
    {
        var import = await ImportMixedAsync(SourceFilter.All);

        Assert.Equal([UniB, Nrc, Journals, Lms, ReImported], EntityIds(import));
    }

    [Fact]
    public async Task Roles_import_only_entities_with_one_of_them()
    {
        var import = await ImportMixedAsync(Filter(roles: ["SPSSODescriptor"]));

        Assert.Equal([Journals, Lms], EntityIds(import));
        Assert.Equal(3, import.Filtered.Count(f => f.Reason == SourceFilter.RoleReason));
    }

    [Fact]
    public async Task Entity_categories_import_only_entities_in_one_of_them()
    {
        var import = await ImportMixedAsync(Filter(categories: ["http://refeds.org/category/research-and-scholarship"]));

        Assert.Equal([Journals], EntityIds(import));
        Assert.All(import.Filtered, f => Assert.Equal(SourceFilter.CategoryReason, f.Reason));
    }

    [Fact]
    public async Task Entities_registered_by_this_federation_are_not_imported_back()
    {
        var import = await ImportMixedAsync(Filter(ownAuthority: OwnAuthority));

        Assert.Equal([UniB, Nrc, Journals, Lms], EntityIds(import));
        Assert.Equal(new FilteredEntity(ReImported, SourceFilter.OwnRegistrationReason), Assert.Single(import.Filtered));
    }

    [Fact]
    public async Task Blocked_entityIDs_are_not_imported()
    {
        var import = await ImportMixedAsync(Filter(blocked: [Lms, Nrc]));

        Assert.Equal([UniB, Journals, ReImported], EntityIds(import));
        Assert.All(import.Filtered, f => Assert.Equal(SourceFilter.BlockedReason, f.Reason));
    }

    [Fact]
    public async Task Sirtfi_only_imports_entities_that_claim_Sirtfi()
    {
        var import = await ImportMixedAsync(Filter(sirtfiOnly: true));

        Assert.Equal([Nrc, ReImported], EntityIds(import));
        Assert.Equal(3, import.Filtered.Count(f => f.Reason == SourceFilter.SirtfiReason));
    }

    [Fact]
    public async Task Sirtfi_only_leaves_out_a_Sirtfi_claim_without_a_security_contact()
    {
        var incomplete = RemoteAggregate.ForeignEntityId("bad/sirtfi-without-security-contact.xml");
        Serve(new RemoteAggregate().Foreign("idp-nrc.xml").Foreign("bad/sirtfi-without-security-contact.xml").Build(DateTimeOffset.UtcNow.AddDays(7)));

        var import = await ImportAsync(Filter(sirtfiOnly: true));

        Assert.Equal([Nrc], EntityIds(import));
        Assert.Equal(new FilteredEntity(incomplete, SourceFilter.SirtfiContactReason), Assert.Single(import.Filtered));
    }

    [Fact]
    public async Task Filters_combine_and_exclusions_win()
    {
        var import = await ImportMixedAsync(Filter(roles: ["IDPSSODescriptor"], blocked: [UniB], ownAuthority: OwnAuthority, sirtfiOnly: true));

        Assert.Equal([Nrc], EntityIds(import));
    }
}

using Fedmd.Aggregator.Pipeline;
using Fedmd.Fetcher;
using Fedmd.Metadata.Values;
using Fedmd.Metadata.Xml;

namespace Fedmd.Aggregator.Sources;

/// <summary>
/// Imports one remote source: fetches it with the participants' engine (conditional GET, limits, strict verification
/// against the pins; the last good copy is replaced only by a document that verifies), verifies the copy it is about to
/// use once more, and splits exactly those verified bytes into entity items that passed the source's filters. When the
/// fetch fails the last good copy is used until its validUntil; after that the source is unavailable. An entity past
/// its own validUntil (while the source is not) is left out alone with <see cref="ExpiredEntityRule"/>: it is its home
/// federation's to renew, and it must not make the feeds importing the source expire with it.
/// </summary>
public sealed class SourceImporter(MetadataFetcher fetcher, TimeProvider clock)
{
    /// <summary>Rule: an imported entity is past its own validUntil while its source is not; it alone is left out.</summary>
    public const string ExpiredEntityRule = "entity.expired";

    /// <summary>Fetches, verifies, splits and filters <paramref name="source"/>.</summary>
    public Task<SourceImport> ImportAsync(SourceDefinition source, CancellationToken cancellationToken = default) =>
        ImportAsync(source, null, cancellationToken);

    /// <summary>
    /// Fetches, verifies, splits and filters <paramref name="source"/>, each entity's bytes appended to
    /// <paramref name="spool"/> as it is split (null: held in memory).
    /// </summary>
    public async Task<SourceImport> ImportAsync(SourceDefinition source, EntitySpool? spool, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var request = source.Request;
        Directory.CreateDirectory(Path.GetDirectoryName(request.OutputPath)!);
        var fetched = await fetcher.FetchAsync(request, cancellationToken).ConfigureAwait(false);

        // What is split is exactly what the fetcher verified in this pass: its bytes, never a second read of the file.
        if (fetched.KeptDocument is not { } verified)
        {
            return new SourceImport(new SourceStatus(source.Name, request.Url, SourceState.Unavailable, null,
                $"{fetched.Failure ?? "the fetch succeeded"}; {fetched.Warning ?? "there is no usable last good copy"}"), [], []);
        }

        var state = !fetched.Succeeded ? SourceState.Fallback
            : fetched.Action == FetchAction.NotModified ? SourceState.NotModified
            : SourceState.Fetched;
        var status = new SourceStatus(source.Name, request.Url, state, fetched.ValidUntil, fetched.Failure);
        return Split(source, status, verified, clock.GetUtcNow(), spool);
    }

    private static SourceImport Split(SourceDefinition source, SourceStatus status, byte[] verified, DateTimeOffset now, EntitySpool? spool)
    {
        // Past the source's own validUntil every entity is expired: that is the source's failure, left to the guards.
        var sourceValid = status.ValidUntil is not { } sourceUntil || sourceUntil > now;
        var items = new List<EntityItem>();
        var filtered = new List<FilteredEntity>();
        // An entity is bounded by the verified whole plus the declarations and validUntil the splitter adds; the
        // pipeline applies the entity size limit itself.
        var entityLoader = new SafeXmlLoader(verified.Length + (64L * 1024));
        foreach (var entity in new AggregateSplitter(entityLoader).Split(verified))
        {
            var document = entityLoader.Load(entity);
            var entityId = document.DocumentElement!.GetAttribute("entityID");
            var exclusion = source.Filter.Exclusion(document);
            if (exclusion is not null)
            {
                filtered.Add(new FilteredEntity(entityId, exclusion));
                continue;
            }

            var item = spool is null ? new EntityItem(source.ItemSource(entityId), entity) : EntityItem.Spooled(source.ItemSource(entityId), entity, spool);
            if (sourceValid && XsDateTime.ParseOrNull(document.DocumentElement.GetAttribute("validUntil")) is { } until && until <= now)
            {
                item.AddError(ExpiredEntityRule,
                    $"its validUntil {XsDateTime.Format(until)} in source {source.Name} has passed; it is left out until its home federation publishes it again");
            }

            items.Add(item);
        }

        return new SourceImport(status, items, filtered);
    }
}

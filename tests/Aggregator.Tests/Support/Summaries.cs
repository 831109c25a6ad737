using Fedmd.Aggregator.Pipeline;

namespace Fedmd.Tests.Aggregator.Support;

/// <summary>Accepted items built from summaries, for the stages that only look at summaries.</summary>
public static class Summaries
{
    /// <summary>The idp-proxy category used in the development configuration.</summary>
    public static readonly KeyValuePair<string, string> ProxyCategory = new("http://macedir.org/entity-category", "http://fedmd.example.ac.za/category/idp-proxy");

    /// <summary>An accepted item with the given summary.</summary>
    public static EntityItem Item(string entityId, string role = "SPSSODescriptor", KeyValuePair<string, string>? attribute = null, DateTimeOffset? validUntil = null, string content = "")
    {
        var item = new EntityItem(entityId + ".xml", System.Text.Encoding.UTF8.GetBytes(entityId + content));
        var attributes = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        if (attribute is { } a)
        {
            attributes[a.Key] = new HashSet<string>(StringComparer.Ordinal) { a.Value };
        }

        item.Update(item.Bytes, new EntitySummary(entityId, new HashSet<string>(StringComparer.Ordinal) { role }, attributes, validUntil));
        return item;
    }

    /// <summary>Many service providers.</summary>
    public static List<EntityItem> Many(int count) => Enumerable.Range(0, count).Select(i => Item($"https://sp{i:D3}.example.ac.za")).ToList();
}

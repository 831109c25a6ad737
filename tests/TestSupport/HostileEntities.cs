using System.Text;

namespace Fedmd.TestSupport;

/// <summary>
/// Entity files an attacker or a careless participant would submit, made from the project's samples: a nesting too
/// deep for the aggregate's signature, and look-alikes of a genuine entityID.
/// </summary>
public static class HostileEntities
{
    /// <summary>The genuine entityID of metadata-samples/sp-wiki.xml, which the look-alikes imitate.</summary>
    public const string WikiEntityId = "https://wiki.research.example.ac.za/shibboleth";

    /// <summary>A sample's text.</summary>
    public static string Sample(string name) => File.ReadAllText(RepositoryRoot.Combine("metadata-samples", name));

    /// <summary>
    /// <paramref name="sample"/> with a chain of extension elements in its entity-level md:Extensions, so that its
    /// deepest element is <paramref name="depth"/> levels down (the md:EntityDescriptor being level 1).
    /// </summary>
    public static string Deep(string sample, int depth)
    {
        var text = Sample(sample);
        var at = text.IndexOf("<md:Extensions>", StringComparison.Ordinal) + "<md:Extensions>".Length;
        var chain = new StringBuilder();
        var links = depth - 2;
        for (var i = 0; i < links; i++)
        {
            chain.Append("<x:n xmlns:x=\"urn:example:deep\">");
        }

        for (var i = 0; i < links; i++)
        {
            chain.Append("</x:n>");
        }

        return text[..at] + chain + text[at..];
    }

    /// <summary><paramref name="sample"/> with its entityID replaced by <paramref name="entityId"/>.</summary>
    public static string WithEntityId(string sample, string entityId)
    {
        var text = Sample(sample);
        var start = text.IndexOf("entityID=\"", StringComparison.Ordinal) + "entityID=\"".Length;
        var end = text.IndexOf('"', start);
        return text[..start] + entityId + text[end..];
    }

    /// <summary>Look-alikes of <see cref="WikiEntityId"/>, by file name: each displays (nearly) like it.</summary>
    public static IReadOnlyDictionary<string, string> WikiLookAlikes { get; } = new Dictionary<string, string>
    {
        ["cyrillic-a.xml"] = "https://wiki.rese\u0430rch.example.ac.za/shibboleth",
        ["zero-width-space.xml"] = "https://wiki.research.example.ac.za/shib\u200Bboleth",
        ["right-to-left-override.xml"] = "https://wiki.research.example.ac.za/\u202Eshibboleth",
        ["combining-accent.xml"] = "https://wiki.research.exa\u0301mple.ac.za/shibboleth",
        ["upper-case-host.xml"] = "https://WIKI.research.example.ac.za/shibboleth",
        ["trailing-slash.xml"] = "https://wiki.research.example.ac.za/shibboleth/",
    };
}

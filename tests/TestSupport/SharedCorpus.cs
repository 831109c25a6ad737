using Xunit;

namespace Fedmd.TestSupport;

/// <summary>
/// <c>../shared/corpus/</c>: real federation metadata kept beside the checkout for development. A user's clone does
/// not have it, so tests that read it are skipped with a message saying so.
/// </summary>
public static class SharedCorpus
{
    /// <summary>The corpus directory, whether or not it exists.</summary>
    public static string Root { get; } = Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "..", "shared", "corpus"));

    /// <summary>Whether the corpus is present.</summary>
    public static bool IsPresent => Directory.Exists(Root);

    /// <summary>A file in the corpus.</summary>
    public static string File(string relative) => Path.Combine(Root, relative);

    /// <summary>
    /// Every XML file of the corpus, relative to <see cref="Root"/>, for a theory over the whole corpus; one placeholder
    /// row when it is absent, so that a <c>SharedCorpusTheory</c> reports the skip instead of finding no data.
    /// </summary>
    public static TheoryData<string> XmlFiles()
    {
        var data = new TheoryData<string>();
        if (!IsPresent)
        {
            data.Add("(absent)");
            return data;
        }

        foreach (var file in Directory.EnumerateFiles(Root, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Root, file));
        }

        return data;
    }

    /// <summary>The skip message used when the corpus is absent.</summary>
    public const string AbsentMessage = "../shared/corpus is absent (development data beside the checkout, not part of a clone): skipped";
}

/// <summary>A fact that needs <c>../shared/corpus/</c>; skipped with a message when it is absent.</summary>
public sealed class SharedCorpusFactAttribute : FactAttribute
{
    /// <summary>Marks the test skipped when the corpus is missing.</summary>
    public SharedCorpusFactAttribute()
    {
        if (!SharedCorpus.IsPresent)
        {
            Skip = SharedCorpus.AbsentMessage;
        }
    }
}

/// <summary>A theory that needs <c>../shared/corpus/</c>; skipped with a message when it is absent.</summary>
public sealed class SharedCorpusTheoryAttribute : TheoryAttribute
{
    /// <summary>Marks the test skipped when the corpus is missing.</summary>
    public SharedCorpusTheoryAttribute()
    {
        if (!SharedCorpus.IsPresent)
        {
            Skip = SharedCorpus.AbsentMessage;
        }
    }
}

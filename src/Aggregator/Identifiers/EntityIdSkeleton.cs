namespace Fedmd.Aggregator.Identifiers;

/// <summary>
/// What an entityID looks like to a person, so that two that look alike compare equal: invisible characters removed,
/// compatibility characters and accented letters folded to plain Latin (<see cref="LatinFolding"/>: NFKC plus accent
/// removal, without ICU), the Cyrillic and Greek letters drawn like Latin ones replaced by them (a small subset of
/// Unicode's confusables, UTS #39), the host lower-cased and trailing slashes dropped.
/// </summary>
internal static class EntityIdSkeleton
{
    private static readonly Dictionary<char, char> LatinLookAlikes = new()
    {
        ['а'] = 'a',
        ['е'] = 'e',
        ['о'] = 'o',
        ['р'] = 'p',
        ['с'] = 'c',
        ['у'] = 'y',
        ['х'] = 'x',
        ['і'] = 'i',
        ['ј'] = 'j',
        ['ѕ'] = 's',
        ['ԁ'] = 'd',
        ['ԛ'] = 'q',
        ['ԝ'] = 'w',
        ['һ'] = 'h',
        ['ӏ'] = 'l',
        ['ո'] = 'n',
        ['А'] = 'A',
        ['В'] = 'B',
        ['Е'] = 'E',
        ['К'] = 'K',
        ['М'] = 'M',
        ['Н'] = 'H',
        ['О'] = 'O',
        ['Р'] = 'P',
        ['С'] = 'C',
        ['Т'] = 'T',
        ['Х'] = 'X',
        ['У'] = 'Y',
        ['І'] = 'I',
        ['Ј'] = 'J',
        ['Ѕ'] = 'S',
        ['ο'] = 'o',
        ['ν'] = 'v',
        ['ι'] = 'i',
        ['α'] = 'a',
        ['κ'] = 'k',
        ['ρ'] = 'p',
        ['τ'] = 't',
        ['υ'] = 'u',
        ['Α'] = 'A',
        ['Β'] = 'B',
        ['Ε'] = 'E',
        ['Ζ'] = 'Z',
        ['Η'] = 'H',
        ['Ι'] = 'I',
        ['Κ'] = 'K',
        ['Μ'] = 'M',
        ['Ν'] = 'N',
        ['Ο'] = 'O',
        ['Ρ'] = 'P',
        ['Τ'] = 'T',
        ['Υ'] = 'Y',
        ['Χ'] = 'X',
    };

    /// <summary>The skeleton of <paramref name="entityId"/>.</summary>
    public static string Of(string entityId)
    {
        var folded = LatinFolding.Fold(InvisibleCharacters.Remove(entityId));
        var text = string.Concat(folded.Select(c => LatinLookAlikes.GetValueOrDefault(c, c))).TrimEnd('/');
        var host = EntityIdHost.Of(text);
        if (host is null)
        {
            return text;
        }

        var at = text.IndexOf(host, text.IndexOf("://", StringComparison.Ordinal) + 3, StringComparison.Ordinal);
        return string.Concat(text[..at].ToLowerInvariant(), host.ToLowerInvariant(), text[(at + host.Length)..]);
    }
}

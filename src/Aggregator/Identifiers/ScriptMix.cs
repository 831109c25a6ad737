using System.Text;

namespace Fedmd.Aggregator.Identifiers;

/// <summary>
/// Which writing systems the letters of a host label come from, by Unicode block: enough to see a Cyrillic or Greek
/// letter hidden among Latin ones (.NET exposes no Unicode Script property). Digits, hyphens and combining marks
/// belong to no script; Han, Hiragana, Katakana and Hangul count as one group that may mix with Latin, as Unicode's
/// "highly restrictive" profile (UTS #39) allows. Letters of scripts outside the table share one "other" group.
/// </summary>
internal static class ScriptMix
{
    private static readonly (int First, int Last, string Script)[] Blocks =
    [
        (0x0041, 0x005A, "Latin"), (0x0061, 0x007A, "Latin"), (0x00C0, 0x02AF, "Latin"), (0x1D00, 0x1D7F, "Latin"),
        (0x1E00, 0x1EFF, "Latin"), (0x2C60, 0x2C7F, "Latin"), (0xA720, 0xA7FF, "Latin"), (0xAB30, 0xAB6F, "Latin"),
        (0xFF21, 0xFF3A, "Latin"), (0xFF41, 0xFF5A, "Latin"),
        (0x0370, 0x03FF, "Greek"), (0x1F00, 0x1FFF, "Greek"),
        (0x0400, 0x052F, "Cyrillic"), (0x1C80, 0x1C8F, "Cyrillic"), (0x2DE0, 0x2DFF, "Cyrillic"), (0xA640, 0xA69F, "Cyrillic"),
        (0x0530, 0x058F, "Armenian"),
        (0x0590, 0x05FF, "Hebrew"),
        (0x0600, 0x06FF, "Arabic"), (0x0750, 0x077F, "Arabic"), (0x08A0, 0x08FF, "Arabic"),
        (0x13A0, 0x13FF, "Cherokee"), (0xAB70, 0xABBF, "Cherokee"),
        (0x1100, 0x11FF, Cjk), (0x3040, 0x30FF, Cjk), (0x3400, 0x4DBF, Cjk), (0x4E00, 0x9FFF, Cjk), (0xAC00, 0xD7AF, Cjk),
    ];

    private const string Cjk = "Han/Kana/Hangul";

    /// <summary>The scripts of <paramref name="label"/>'s letters, in first-seen order.</summary>
    public static IReadOnlyList<string> ScriptsOf(string label) => label.EnumerateRunes()
        .Where(Rune.IsLetter)
        .Select(ScriptOf)
        .Distinct(StringComparer.Ordinal)
        .ToList();

    /// <summary>Whether the label's letters come from scripts that do not belong together.</summary>
    public static bool IsMixed(string label)
    {
        var all = ScriptsOf(label);
        var scripts = all.Where(s => s != Cjk).ToList();
        var hasCjk = scripts.Count < all.Count;
        return scripts.Count > 1 || (hasCjk && scripts.Any(s => s != "Latin"));
    }

    private static string ScriptOf(Rune rune)
    {
        var value = rune.Value;
        foreach (var (first, last, script) in Blocks)
        {
            if (value >= first && value <= last)
            {
                return script;
            }
        }

        return "other";
    }
}

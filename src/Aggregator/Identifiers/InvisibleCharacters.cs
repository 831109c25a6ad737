using System.Globalization;
using System.Text;

namespace Fedmd.Aggregator.Identifiers;

/// <summary>
/// Characters a reader cannot see or that reorder what they see: control and format characters (zero-width space,
/// joiners, the byte-order mark, soft hyphen, bidirectional embeddings, overrides and isolates), private-use and
/// unassigned code points, and the few letters and marks that render as nothing (Hangul fillers, the combining
/// grapheme joiner, variation selectors).
/// </summary>
internal static class InvisibleCharacters
{
    private static readonly HashSet<int> BlankLettersAndMarks = [0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x3164, 0xFFA0];

    /// <summary>Whether <paramref name="rune"/> is invisible or a bidirectional control.</summary>
    public static bool IsInvisible(Rune rune) =>
        Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
        || BlankLettersAndMarks.Contains(rune.Value)
        || rune.Value is >= 0xFE00 and <= 0xFE0F or >= 0xE0100 and <= 0xE01EF;

    /// <summary>Whether <paramref name="rune"/> changes the display order of the text around it.</summary>
    public static bool IsBidirectionalControl(Rune rune) =>
        rune.Value is 0x061C or 0x200E or 0x200F or >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069;

    /// <summary>The text without its invisible characters.</summary>
    public static string Remove(string text) =>
        string.Concat(text.EnumerateRunes().Where(r => !IsInvisible(r)).Select(r => r.ToString()));
}

using System.Globalization;
using System.Text;

namespace EditionBuilder.Import.Census;

/// <summary>What the conservation check counts in a text: its letters (Unicode letters and digits) and its words (runs of letters, digits and the marks on them).</summary>
public static class Letters
{
    /// <summary>True for a character the check counts: a Unicode letter or digit.</summary>
    public static bool IsCounted(char c) => char.IsLetterOrDigit(c);

    // Vowel marks and the like belong to their word; format characters (soft hyphen, ZWJ, bidi marks) neither count nor split a word,
    // so "Smith\u00ADson" and "Smithson" are one word on both sides.
    private static bool InWord(char c) => char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static bool IsTransparent(char c) => char.GetUnicodeCategory(c) == UnicodeCategory.Format;

    /// <summary>The number of letters and digits of the text.</summary>
    public static int Count(string text)
    {
        var n = 0;
        foreach (var c in text) if (IsCounted(c)) n++;
        return n;
    }

    /// <summary>The text's letters and digits alone, in order ("Some more" is "Somemore").</summary>
    public static string Only(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text) if (IsCounted(c)) builder.Append(c);
        return builder.ToString();
    }

    /// <summary>The words of the text, as the check compares them: only their letters and digits, in order.</summary>
    public static IEnumerable<string> Words(string text)
    {
        var word = new StringBuilder();
        foreach (var c in text)
        {
            if (IsTransparent(c)) continue;
            if (InWord(c))
            {
                if (IsCounted(c)) word.Append(c);
                continue;
            }

            if (word.Length > 0) yield return word.ToString();
            word.Clear();
        }

        if (word.Length > 0) yield return word.ToString();
    }
}

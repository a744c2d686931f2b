using System.Text;

namespace EditionBuilder.Search;

/// <summary>Folds accents off lower-cased text as the search page's script does with NFD, removal of U+0300–U+036F and NFC (é → e, ç → c), from a table made from Unicode's data (<c>AccentFolding.Table.cs</c>).</summary>
internal static partial class AccentFolding
{
    /// <summary>The text folded; text with nothing to fold comes back as the same string.</summary>
    public static string Fold(string text)
    {
        var at = 0;
        while (at < text.Length && Into1(text[at]) is null) at++;
        if (at == text.Length) return text;

        var builder = new StringBuilder(text.Length).Append(text, 0, at);
        for (; at < text.Length; at++)
        {
            var c = text[at];
            var folded = Into1(c);
            if (folded is null) builder.Append(c);
            else builder.Append(folded);
        }

        return builder.ToString();
    }

    // What one character becomes: null when itself. İ is not lower-cased by the invariant culture, where JavaScript's
    // toLowerCase gives i with a dot above, which the next step removes.
    private static string? Into1(char c)
    {
        if (c < '\u00C0') return null;
        if (c is >= '\u0300' and <= '\u036F') return string.Empty;
        if (c == '\u0130') return "i";
        var at = From.AsSpan().BinarySearch(c);
        return at < 0 ? null : Into[at];
    }
}

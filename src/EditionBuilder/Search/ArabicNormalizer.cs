using System.Text;

namespace EditionBuilder.Search;

/// <summary>The one Arabic normalization of search, applied to the index and to every query: alef forms (أ إ آ ٱ) become ا, ى becomes ي, a word-final ه becomes ة, tatweel and diacritics are removed, Arabic-Indic digits become 0–9.</summary>
/// <remarks>ة and ه meet on ة, not ه: Pagefind's Arabic (Snowball) stemmer takes ة off as the feminine ending, but a final ه only sometimes (الاستراتيجيه finds 2 of the 10 chapters الاستراتيجية finds), so ة keeps the stemmer's matches. The search page's script (templates/assets/search.js) does the same character for character; a test runs one table of cases through both.</remarks>
public static class ArabicNormalizer
{
    private const char Removed = '\0';
    private const char Heh = '\u0647';
    private const char TehMarbuta = '\u0629';

    /// <summary>The text normalized; text that needs no change comes back as the same string.</summary>
    public static string Normalize(string text)
    {
        var at = 0;
        while (at < text.Length && Map(text[at]) == text[at] && !(text[at] == Heh && EndsWord(text, at + 1))) at++;
        if (at == text.Length) return text;

        var builder = new StringBuilder(text.Length).Append(text, 0, at);
        for (; at < text.Length; at++)
        {
            var mapped = Map(text[at]);
            if (mapped == Removed) continue;
            builder.Append(mapped == Heh && EndsWord(text, at + 1) ? TehMarbuta : mapped);
        }

        return builder.ToString();
    }

    // Whether the word ends before this position: no Arabic letter follows, once removed marks are skipped.
    private static bool EndsWord(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            var next = Map(text[i]);
            if (next == Removed) continue;
            return !IsArabicLetter(next);
        }

        return true;
    }

    private static bool IsArabicLetter(char c) => c is >= '\u0621' and <= '\u064A' or >= '\u066E' and <= '\u06D3' or '\u06D5' or >= '\u06FA' and <= '\u06FF';

    /// <summary>What one character becomes: itself, another character, or <see cref="Removed"/>.</summary>
    private static char Map(char c) => c switch
    {
        '\u0623' or '\u0625' or '\u0622' or '\u0671' => '\u0627', // alef with hamza above or below, with madda, wasla: bare alef
        '\u0649' => '\u064A', // alef maksura: yeh
        '\u0640' => Removed, // tatweel
        >= '\u064B' and <= '\u065F' => Removed, // harakat, tanwin, shadda, sukun and the rarer marks
        '\u0670' => Removed, // superscript alef
        >= '\u0610' and <= '\u061A' => Removed, // honorific and Quranic marks above letters
        >= '\u06D6' and <= '\u06ED' and not '\u06DE' and not '\u06E9' => Removed, // Quranic annotation marks
        >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')), // Arabic-Indic digits
        >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')), // Extended Arabic-Indic (Persian) digits
        _ => c,
    };
}

using System.Text;

namespace EditionBuilder.Search;

/// <summary>The one Arabic normalization of search, applied to the index and to every query: alef forms (أ إ آ ٱ) become ا, ى becomes ي, ة becomes ه, tatweel and diacritics are removed, Arabic-Indic digits become 0–9.</summary>
/// <remarks>The search page's script (templates/assets/search.js) does the same character for character; a test runs one table of cases through both.</remarks>
public static class ArabicNormalizer
{
    /// <summary>The text normalized; text without Arabic letters comes back as it is.</summary>
    public static string Normalize(string text)
    {
        var at = 0;
        while (at < text.Length && Map(text[at]) == text[at]) at++;
        if (at == text.Length) return text;

        var builder = new StringBuilder(text.Length).Append(text, 0, at);
        for (; at < text.Length; at++)
        {
            if (Map(text[at]) is var mapped and not Removed) builder.Append(mapped);
        }

        return builder.ToString();
    }

    private const char Removed = '\0';

    /// <summary>What one character becomes: itself, another character, or <see cref="Removed"/>.</summary>
    private static char Map(char c) => c switch
    {
        '\u0623' or '\u0625' or '\u0622' or '\u0671' => '\u0627', // alef with hamza above or below, with madda, wasla: bare alef
        '\u0649' => '\u064A', // alef maksura: yeh
        '\u0629' => '\u0647', // teh marbuta: heh
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

namespace EditionBuilder.Import;

/// <summary>Tells Arabic, English and French text apart by script and common words.</summary>
public static class LanguageGuesser
{
    private static readonly HashSet<string> English = new(StringComparer.Ordinal)
    {
        "the", "of", "and", "to", "in", "is", "that", "with", "for", "its", "which", "has", "this", "by", "from",
        "on", "as", "an", "are", "be", "was", "would", "it", "at", "their", "between", "while", "order", "both",
    };

    private static readonly HashSet<string> French = new(StringComparer.Ordinal)
    {
        "le", "la", "les", "des", "de", "du", "et", "en", "un", "une", "est", "que", "qui", "pour", "dans", "sur",
        "au", "aux", "par", "avec", "son", "sa", "ses", "à", "l", "d", "entre", "afin", "leur", "ont", "été", "notamment",
    };

    /// <summary>"ar", "en", "fr", or null when the text gives no clear sign.</summary>
    public static string? Guess(string text)
    {
        var arabic = text.Count(IsArabicLetter);
        var latin = text.Count(IsLatinLetter);
        if (arabic > latin) return "ar";
        if (latin == 0) return null;

        int en = 0, fr = 0;
        foreach (var word in Words(text))
        {
            if (English.Contains(word)) en++;
            if (French.Contains(word)) fr++;
        }

        // Accented letters typical of French add weight; English has almost none.
        fr += text.Count(c => "éèêàçùâîôûëïœ".Contains(char.ToLowerInvariant(c))) / 2;
        if (en == fr) return null;
        return en > fr ? "en" : "fr";
    }

    /// <summary>True when most letters of the text are Latin.</summary>
    public static bool IsLatinDominant(string text)
    {
        var latin = text.Count(IsLatinLetter);
        return latin > 0 && latin > text.Count(IsArabicLetter);
    }

    public static bool IsArabicLetter(char c) => c is >= '\u0620' and <= '\u064A' or >= '\u066E' and <= '\u06D3' or >= '\uFB50' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFC';

    public static bool IsLatinLetter(char c) => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '\u00C0' and <= '\u024F';

    public static IEnumerable<string> Words(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && (char.IsLetter(text[i]) || char.IsDigit(text[i]));
            if (letter && start < 0) start = i;
            else if (!letter && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }
}

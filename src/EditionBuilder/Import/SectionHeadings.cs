namespace EditionBuilder.Import;

/// <summary>The section headings scholarly articles use in name (المقدمة, الخاتمة, النتائج, المراجع, Introduction, Conclusion…): such a line is a heading wherever it stands, never a title page's line or an author.</summary>
public static class SectionHeadings
{
    // A heading is one of these, alone or followed by one word ("المقدمة العامة", "خاتمة عامة", "النتائج والتوصيات"); written here as
    // Normalize leaves them (no vowel marks, bare alef, final ة and ي).
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        // Opening sections.
        "المقدمة", "مقدمة", "تمهيد", "التمهيد", "توطئة", "التوطئة", "مدخل", "المدخل", "تقديم", "التقديم",
        // Closing sections.
        "الخاتمة", "خاتمة", "الخلاصة", "خلاصة", "الاستنتاجات", "استنتاجات", "النتائج", "التوصيات", "توصيات",
        // Back matter.
        "المراجع", "المصادر", "الملاحق", "الهوامش", "ببليوغرافيا", "البيبليوغرافيا",
        // English and French.
        "introduction", "conclusion", "conclusions", "references", "bibliography", "références", "bibliographie",
    };

    // Headings of two words or more whose first word alone is no heading.
    private static readonly HashSet<string> Phrases = new(StringComparer.Ordinal)
    {
        "قائمة المراجع", "قائمة المصادر", "المصادر والمراجع", "قائمة المصادر والمراجع", "نتائج البحث", "نتائج الدراسة",
    };

    /// <summary>Whether a line is a well-known section heading (one of the listed words, alone or with one more word, or a listed phrase), whatever its vowel marks, tatweel or spelling of alef and final ة.</summary>
    public static bool IsWellKnown(string line)
    {
        var words = LanguageGuesser.Words(Normalize(line)).ToList();
        return words.Count is 1 or 2 && Words.Contains(words[0]) || Phrases.Contains(string.Join(' ', words));
    }

    // Headings of a reference list, as Normalize leaves them.
    private static readonly HashSet<string> ReferenceHeadings = new(StringComparer.Ordinal)
    {
        "المراجع", "المصادر", "قائمة المراجع", "قائمة المصادر", "المصادر والمراجع", "قائمة المصادر والمراجع", "المراجع والمصادر",
        "ببليوغرافيا", "البيبليوغرافيا", "references", "reference list", "bibliography", "works cited", "sources",
        "références", "references bibliographiques", "références bibliographiques", "bibliographie",
    };

    /// <summary>Whether a line is the heading of a reference list (المراجع، المصادر، قائمة المراجع، References, Bibliography, Références, Bibliographie…), whatever its vowel marks, case or final colon.</summary>
    public static bool IsReferences(string line) => ReferenceHeadings.Contains(string.Join(' ', LanguageGuesser.Words(Normalize(line))));

    /// <summary>True when the reference heading is French (Références, Bibliographie): its Latin entries are then French.</summary>
    public static bool IsFrenchReferences(string line) =>
        string.Join(' ', LanguageGuesser.Words(line)) is "références" or "bibliographie" or "références bibliographiques" or "references bibliographiques";

    private static readonly HashSet<string> AbstractHeadings = new(StringComparer.Ordinal)
    {
        "abstract", "summary", "résumé", "resume", "english abstract", "abstract in english", "résumé en français", "resume en francais",
        "ملخص", "الملخص", "ملخص البحث", "ملخص الدراسة", "الملخص بالعربية", "الملخص باللغة العربية",
    };

    /// <summary>Whether a line names an abstract (Abstract, Summary, Résumé, ملخص…), whatever its case or final colon.</summary>
    public static bool IsAbstract(string line) => AbstractHeadings.Contains(string.Join(' ', LanguageGuesser.Words(Normalize(line))));

    /// <summary>The language an abstract's heading names: "fr" for Résumé, "en" for Abstract or Summary; null for any other heading.</summary>
    public static string? AbstractLanguage(string line) => string.Join(' ', LanguageGuesser.Words(Normalize(line))) switch
    {
        "résumé" or "resume" or "résumé en français" or "resume en francais" => "fr",
        "abstract" or "summary" or "english abstract" or "abstract in english" => "en",
        _ => null,
    };

    /// <summary>Whether a line is one Arabic word with the article (الإشكالية, المنهجية…): a common noun, as headings are, never a person's name.</summary>
    public static bool IsLoneDefiniteNoun(string line)
    {
        var words = LanguageGuesser.Words(Normalize(line)).ToList();
        return words.Count == 1 && words[0].Length > 3 && words[0].StartsWith("ال", StringComparison.Ordinal);
    }

    // Vowel marks and tatweel dropped (they split a word in LanguageGuesser.Words), أ/إ/آ as ا, ى as ي, a final ه as ة: how a heading is typed varies.
    private static string Normalize(string text)
    {
        var letters = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c == '\u0640' || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark) continue;
            letters.Append(c switch { 'أ' or 'إ' or 'آ' => 'ا', 'ى' => 'ي', _ => c });
        }

        for (var i = 0; i < letters.Length; i++)
        {
            if (letters[i] == 'ه' && i > 0 && LanguageGuesser.IsArabicLetter(letters[i - 1]) && (i + 1 == letters.Length || !LanguageGuesser.IsArabicLetter(letters[i + 1]))) letters[i] = 'ة';
        }

        return letters.ToString();
    }
}

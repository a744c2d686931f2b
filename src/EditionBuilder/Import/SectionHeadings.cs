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

using System.Globalization;
using System.Text;

namespace EditionBuilder.Search;

/// <summary>The words of search, the same in the index and in the search page's script (docs/search.md, "The index format", Words): normalized, lower-cased, accents folded, cut at every character that is not a letter or number, Arabic words light-stemmed.</summary>
public static class SearchTokens
{
    // Larkey's light10 prefixes (وال بال كال فال لل ال), longest first so wal is taken before al; only one is removed.
    // Written as escapes: Arabic text in C# belongs to the readers of the author's text (a test holds the library to it).
    private static readonly string[] Prefixes = ["\u0648\u0627\u0644", "\u0628\u0627\u0644", "\u0643\u0627\u0644", "\u0641\u0627\u0644", "\u0644\u0644", "\u0627\u0644"];

    // Suffixes (ها ان ات ون ين ية ة ي) tried in this order, each on the word the previous ones left.
    private static readonly string[] Suffixes = ["\u0647\u0627", "\u0627\u0646", "\u0627\u062A", "\u0648\u0646", "\u064A\u0646", "\u064A\u0629", "\u0629", "\u064A"];

    /// <summary>The terms of a text in order, one per word: what the index holds and what a query looks up.</summary>
    public static List<string> Terms(string text)
    {
        var terms = new List<string>();
        foreach (var word in Words(text)) terms.Add(Stem(word));
        return terms;
    }

    /// <summary>The words of a text after steps 1–3 (normalized, folded, split), not stemmed.</summary>
    public static List<string> Words(string text)
    {
        var folded = Fold(text);
        var words = new List<string>();
        var start = -1;
        var at = 0;
        while (at < folded.Length)
        {
            // Runes, not chars, so a letter outside the BMP counts as the script's \p{L} counts it.
            Rune.DecodeFromUtf16(folded.AsSpan(at), out var rune, out var length);
            if (IsWordRune(rune))
            {
                if (start < 0) start = at;
            }
            else if (start >= 0)
            {
                words.Add(folded[start..at]);
                start = -1;
            }

            at += length;
        }

        if (start >= 0) words.Add(folded[start..]);
        return words;
    }

    /// <summary>Steps 1 and 2: Arabic normalization, lower case, accents folded (JavaScript's NFD, removal of U+0300–U+036F, NFC).</summary>
    public static string Fold(string text) => AccentFolding.Fold(ArabicNormalizer.Normalize(text).ToLowerInvariant());

    /// <summary>Step 4: the light10 stem of a word that holds an Arabic letter; any other word as it is.</summary>
    public static string Stem(string word)
    {
        if (!HasArabicLetter(word)) return word;
        var stem = word;
        if (stem.StartsWith('\u0648') && stem.Length - 1 >= 3) stem = stem[1..];
        foreach (var prefix in Prefixes)
        {
            if (!stem.StartsWith(prefix, StringComparison.Ordinal)) continue;
            if (stem.Length - prefix.Length >= 2) stem = stem[prefix.Length..];
            break;
        }

        foreach (var suffix in Suffixes)
        {
            if (stem.EndsWith(suffix, StringComparison.Ordinal) && stem.Length - suffix.Length >= 2) stem = stem[..^suffix.Length];
        }

        return stem;
    }

    // JavaScript's [\p{L}\p{N}]: every letter and every number category (Nd, Nl, No), where char.IsLetterOrDigit would miss ² and Ⅻ.
    private static bool IsWordRune(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter
            or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        _ => false,
    };

    private static bool HasArabicLetter(string word)
    {
        foreach (var c in word)
        {
            if (c is >= '\u0621' and <= '\u064A') return true;
        }

        return false;
    }
}

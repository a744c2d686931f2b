using System.Globalization;
using System.Text;

namespace EditionBuilder.Model;

/// <summary>Makes stable, URL-safe slugs: Arabic letters transliterated to ASCII, Latin lower-cased, everything else a hyphen.</summary>
public static class Slug
{
    private const int MaxLength = 48;

    // A simplified, ASCII-only transliteration: stable across runs and machines, readable in a URL.
    private static readonly Dictionary<char, string> Arabic = new()
    {
        ['ا'] = "a", ['أ'] = "a", ['إ'] = "i", ['آ'] = "a", ['ٱ'] = "a", ['ء'] = "", ['ؤ'] = "w", ['ئ'] = "y",
        ['ب'] = "b", ['ت'] = "t", ['ث'] = "th", ['ج'] = "j", ['ح'] = "h", ['خ'] = "kh", ['د'] = "d", ['ذ'] = "dh",
        ['ر'] = "r", ['ز'] = "z", ['س'] = "s", ['ش'] = "sh", ['ص'] = "s", ['ض'] = "d", ['ط'] = "t", ['ظ'] = "z",
        ['ع'] = "", ['غ'] = "gh", ['ف'] = "f", ['ق'] = "q", ['ك'] = "k", ['ل'] = "l", ['م'] = "m", ['ن'] = "n",
        ['ه'] = "h", ['ة'] = "a", ['و'] = "w", ['ي'] = "y", ['ى'] = "a", ['پ'] = "p", ['چ'] = "ch", ['ژ'] = "zh",
        ['ک'] = "k", ['گ'] = "g", ['ی'] = "y",
        ['٠'] = "0", ['١'] = "1", ['٢'] = "2", ['٣'] = "3", ['٤'] = "4", ['٥'] = "5", ['٦'] = "6", ['٧'] = "7", ['٨'] = "8", ['٩'] = "9",
    };

    /// <summary>The slug of a title; "section" when nothing of the title can be kept.</summary>
    public static string From(string title, int maxLength = MaxLength)
    {
        var builder = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormKD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') builder.Append(c);
            else if (c is >= 'A' and <= 'Z') builder.Append(char.ToLowerInvariant(c));
            else if (Arabic.TryGetValue(c, out var latin)) builder.Append(latin);
            else if (c == 'ـ') continue;
            else builder.Append('-');
        }

        var slug = Collapse(builder.ToString());
        if (slug.Length > maxLength)
        {
            // Cut at a word boundary when one is near, so slugs do not end mid-word.
            var cut = slug[..maxLength];
            var dash = cut.LastIndexOf('-');
            slug = (dash > maxLength / 2 ? cut[..dash] : cut).TrimEnd('-');
        }

        return slug.Length == 0 ? "section" : slug;
    }

    private static string Collapse(string s)
    {
        var builder = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c == '-' && (builder.Length == 0 || builder[^1] == '-')) continue;
            builder.Append(c);
        }

        return builder.ToString().TrimEnd('-');
    }
}

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

    // Latin letters with diacritics folded to ASCII; a table, since the tool runs with invariant globalization.
    private static readonly Dictionary<char, string> Latin = new()
    {
        ['À'] = "a", ['Á'] = "a", ['Â'] = "a", ['Ã'] = "a", ['Ä'] = "a", ['Å'] = "a", ['Ç'] = "c", ['È'] = "e", ['É'] = "e", ['Ê'] = "e",
        ['Ë'] = "e", ['Ì'] = "i", ['Í'] = "i", ['Î'] = "i", ['Ï'] = "i", ['Ñ'] = "n", ['Ò'] = "o", ['Ó'] = "o", ['Ô'] = "o", ['Õ'] = "o",
        ['Ö'] = "o", ['Ù'] = "u", ['Ú'] = "u", ['Û'] = "u", ['Ü'] = "u", ['Ý'] = "y", ['à'] = "a", ['á'] = "a", ['â'] = "a", ['ã'] = "a",
        ['ä'] = "a", ['å'] = "a", ['ç'] = "c", ['è'] = "e", ['é'] = "e", ['ê'] = "e", ['ë'] = "e", ['ì'] = "i", ['í'] = "i", ['î'] = "i",
        ['ï'] = "i", ['ñ'] = "n", ['ò'] = "o", ['ó'] = "o", ['ô'] = "o", ['õ'] = "o", ['ö'] = "o", ['ù'] = "u", ['ú'] = "u", ['û'] = "u",
        ['ü'] = "u", ['ý'] = "y", ['ÿ'] = "y", ['Ā'] = "a", ['ā'] = "a", ['Ă'] = "a", ['ă'] = "a", ['Ą'] = "a", ['ą'] = "a", ['Ć'] = "c",
        ['ć'] = "c", ['Ĉ'] = "c", ['ĉ'] = "c", ['Ċ'] = "c", ['ċ'] = "c", ['Č'] = "c", ['č'] = "c", ['Ď'] = "d", ['ď'] = "d", ['Ē'] = "e",
        ['ē'] = "e", ['Ĕ'] = "e", ['ĕ'] = "e", ['Ė'] = "e", ['ė'] = "e", ['Ę'] = "e", ['ę'] = "e", ['Ě'] = "e", ['ě'] = "e", ['Ĝ'] = "g",
        ['ĝ'] = "g", ['Ğ'] = "g", ['ğ'] = "g", ['Ġ'] = "g", ['ġ'] = "g", ['Ģ'] = "g", ['ģ'] = "g", ['Ĥ'] = "h", ['ĥ'] = "h", ['Ĩ'] = "i",
        ['ĩ'] = "i", ['Ī'] = "i", ['ī'] = "i", ['Ĭ'] = "i", ['ĭ'] = "i", ['Į'] = "i", ['į'] = "i", ['İ'] = "i", ['Ĳ'] = "ij", ['ĳ'] = "ij",
        ['Ĵ'] = "j", ['ĵ'] = "j", ['Ķ'] = "k", ['ķ'] = "k", ['Ĺ'] = "l", ['ĺ'] = "l", ['Ļ'] = "l", ['ļ'] = "l", ['Ľ'] = "l", ['ľ'] = "l",
        ['Ń'] = "n", ['ń'] = "n", ['Ņ'] = "n", ['ņ'] = "n", ['Ň'] = "n", ['ň'] = "n", ['Ō'] = "o", ['ō'] = "o", ['Ŏ'] = "o", ['ŏ'] = "o",
        ['Ő'] = "o", ['ő'] = "o", ['Ŕ'] = "r", ['ŕ'] = "r", ['Ŗ'] = "r", ['ŗ'] = "r", ['Ř'] = "r", ['ř'] = "r", ['Ś'] = "s", ['ś'] = "s",
        ['Ŝ'] = "s", ['ŝ'] = "s", ['Ş'] = "s", ['ş'] = "s", ['Š'] = "s", ['š'] = "s", ['Ţ'] = "t", ['ţ'] = "t", ['Ť'] = "t", ['ť'] = "t",
        ['Ũ'] = "u", ['ũ'] = "u", ['Ū'] = "u", ['ū'] = "u", ['Ŭ'] = "u", ['ŭ'] = "u", ['Ů'] = "u", ['ů'] = "u", ['Ű'] = "u", ['ű'] = "u",
        ['Ų'] = "u", ['ų'] = "u", ['Ŵ'] = "w", ['ŵ'] = "w", ['Ŷ'] = "y", ['ŷ'] = "y", ['Ÿ'] = "y", ['Ź'] = "z", ['ź'] = "z", ['Ż'] = "z",
        ['ż'] = "z", ['Ž'] = "z", ['ž'] = "z", ['ſ'] = "s", ['Ơ'] = "o", ['ơ'] = "o", ['Ư'] = "u", ['ư'] = "u", ['Ǆ'] = "dz", ['ǅ'] = "dz",
        ['ǆ'] = "dz", ['Ǉ'] = "lj", ['ǈ'] = "lj", ['ǉ'] = "lj", ['Ǌ'] = "nj", ['ǋ'] = "nj", ['ǌ'] = "nj", ['Ǎ'] = "a", ['ǎ'] = "a", ['Ǐ'] = "i",
        ['ǐ'] = "i", ['Ǒ'] = "o", ['ǒ'] = "o", ['Ǔ'] = "u", ['ǔ'] = "u", ['Ǖ'] = "u", ['ǖ'] = "u", ['Ǘ'] = "u", ['ǘ'] = "u", ['Ǚ'] = "u",
        ['ǚ'] = "u", ['Ǜ'] = "u", ['ǜ'] = "u", ['Ǟ'] = "a", ['ǟ'] = "a", ['Ǡ'] = "a", ['ǡ'] = "a", ['Ǧ'] = "g", ['ǧ'] = "g", ['Ǩ'] = "k",
        ['ǩ'] = "k", ['Ǫ'] = "o", ['ǫ'] = "o", ['Ǭ'] = "o", ['ǭ'] = "o", ['ǰ'] = "j", ['Ǳ'] = "dz", ['ǲ'] = "dz", ['ǳ'] = "dz", ['Ǵ'] = "g",
        ['ǵ'] = "g", ['Ǹ'] = "n", ['ǹ'] = "n", ['Ǻ'] = "a", ['ǻ'] = "a", ['Ȁ'] = "a", ['ȁ'] = "a", ['Ȃ'] = "a", ['ȃ'] = "a", ['Ȅ'] = "e",
        ['ȅ'] = "e", ['Ȇ'] = "e", ['ȇ'] = "e", ['Ȉ'] = "i", ['ȉ'] = "i", ['Ȋ'] = "i", ['ȋ'] = "i", ['Ȍ'] = "o", ['ȍ'] = "o", ['Ȏ'] = "o",
        ['ȏ'] = "o", ['Ȑ'] = "r", ['ȑ'] = "r", ['Ȓ'] = "r", ['ȓ'] = "r", ['Ȕ'] = "u", ['ȕ'] = "u", ['Ȗ'] = "u", ['ȗ'] = "u", ['Ș'] = "s",
        ['ș'] = "s", ['Ț'] = "t", ['ț'] = "t", ['Ȟ'] = "h", ['ȟ'] = "h", ['Ȧ'] = "a", ['ȧ'] = "a", ['Ȩ'] = "e", ['ȩ'] = "e", ['Ȫ'] = "o",
        ['ȫ'] = "o", ['Ȭ'] = "o", ['ȭ'] = "o", ['Ȯ'] = "o", ['ȯ'] = "o", ['Ȱ'] = "o", ['ȱ'] = "o", ['Ȳ'] = "y", ['ȳ'] = "y", ['Œ'] = "oe",
        ['œ'] = "oe", ['Æ'] = "ae", ['æ'] = "ae", ['ß'] = "ss", ['Ø'] = "o", ['ø'] = "o", ['Đ'] = "d", ['đ'] = "d", ['Ł'] = "l", ['ł'] = "l",
        ['Þ'] = "th", ['þ'] = "th", ['Ð'] = "d", ['ð'] = "d", ['ı'] = "i",
    };

    /// <summary>The slug of a title; "section" when nothing of the title can be kept.</summary>
    public static string From(string title, int maxLength = MaxLength)
    {
        var builder = new StringBuilder();
        foreach (var c in title)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (Latin.TryGetValue(c, out var folded)) { builder.Append(folded); continue; }
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
            var midWord = slug[maxLength] != '-';
            slug = (midWord && dash > maxLength / 2 ? cut[..dash] : cut).TrimEnd('-');
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

using System.Text;
using System.Xml;

namespace EditionBuilder.Markup;

/// <summary>What XML can hold: the book's documents are XML, which has no place for U+FFFE, U+FFFF, lone surrogates or the C0 controls other than tab and line ends.</summary>
public static class XmlText
{
    // What XML 1.0 refuses (C0 controls but tab, LF and CR; U+FFFE; U+FFFF) and the surrogates, which it takes only in pairs: found with one vectorised search.
    private static readonly System.Buffers.SearchValues<char> Suspects = System.Buffers.SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Where(c => c is not (0x09 or 0x0A or 0x0D)).Select(c => (char)c))
        + string.Concat(Enumerable.Range(0xD800, 0x800).Select(c => (char)c)) + "\uFFFE\uFFFF");

    /// <summary>The text with each character XML cannot hold replaced by U+FFFD (the site shows control characters as visible marks; this only catches what is left, e.g. inside a code span).</summary>
    public static string Storable(string text)
    {
        if (FirstUnstorable(text) < 0) return text;
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
                continue;
            }

            builder.Append(XmlConvert.IsXmlChar(c) ? c : '\uFFFD');
        }

        return builder.ToString();
    }

    /// <summary>The index of the first character XML cannot hold, or -1.</summary>
    public static int FirstUnstorable(string text) => FirstUnstorable(text, 0);

    /// <summary>The index at or after <paramref name="start"/> of the first character XML cannot hold, or -1.</summary>
    public static int FirstUnstorable(string text, int start)
    {
        var i = start;
        while (i < text.Length)
        {
            var found = text.AsSpan(i).IndexOfAny(Suspects);
            if (found < 0) return -1;
            i += found;
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i += 2;
                continue;
            }

            return i;
        }

        return -1;
    }
}

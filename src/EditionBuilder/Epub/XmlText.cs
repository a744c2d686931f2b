using System.Text;
using System.Xml;

namespace EditionBuilder.Epub;

/// <summary>What XML can hold: the book's documents are XML, which has no place for U+FFFE, U+FFFF, lone surrogates or the C0 controls other than tab and line ends.</summary>
public static class XmlText
{
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
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (!XmlConvert.IsXmlChar(c)) return i;
        }

        return -1;
    }
}

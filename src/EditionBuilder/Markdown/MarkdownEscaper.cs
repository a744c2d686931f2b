using System.Text;

namespace EditionBuilder.Markdown;

/// <summary>Escapes the author's characters so that Markdown reads them back as exactly the same text, never as markup.</summary>
public static class MarkdownEscaper
{
    // Characters that can open or close markup anywhere in a line: emphasis, code, links, notes, raw HTML, entities,
    // images, table cells, superscript, subscript, underline (++) and small capitals (%%).
    private const string AlwaysEscaped = "\\`*_[]<&!|^~+%";

    // Characters that make markup only at the start of a line (headings, quotes, lists, rules, fences, a paragraph's direction).
    private const string LineStartEscaped = "#>-+={";

    /// <summary>Escapes text; <paramref name="atLineStart"/> says whether it begins a Markdown line.</summary>
    public static string Escape(string text, bool atLineStart) => Escape(text, atLineStart, string.Empty);

    /// <summary>Escapes text and, anywhere in it, the characters of <paramref name="alsoEscaped"/> ('#' in a heading, whose closing #s would vanish).</summary>
    public static string Escape(string text, bool atLineStart, string alsoEscaped)
    {
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var lineStart = atLineStart && i == 0;
            if (AlwaysEscaped.Contains(c) || alsoEscaped.Contains(c) || (lineStart && LineStartEscaped.Contains(c)))
            {
                builder.Append('\\');
            }
            else if (lineStart && char.IsAsciiDigit(c))
            {
                // "12." or "12)" at a line start is an ordered list: escape the delimiter.
                var end = i;
                while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
                if (end < text.Length && text[end] is '.' or ')' && end - i <= 9)
                {
                    builder.Append(text, i, end - i).Append('\\');
                    i = end - 1;
                    continue;
                }
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>Writes a link or image address so Markdown reads back exactly it: backslash-escaped, in &lt;…&gt; when it holds a space.</summary>
    public static string Url(string url)
    {
        var builder = new StringBuilder(url.Length + 4);
        foreach (var c in url)
        {
            // An entity is decoded even after a backslash, so '&' itself is written as an entity.
            if (c == '&') { builder.Append("&amp;"); continue; }
            if (c is '\\' or '<' or '>' or '(' or ')' or '`' or '*' or '_' or '[' or ']' or '|') builder.Append('\\');
            builder.Append(c);
        }

        var escaped = builder.ToString();
        return url.Length == 0 || url.Any(c => c is ' ' or '\t' || char.IsWhiteSpace(c)) ? "<" + escaped + ">" : escaped;
    }
}

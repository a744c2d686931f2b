using System.Text;

namespace EditionBuilder.Markdown;

/// <summary>Escapes the author's characters so that Markdown reads them back as exactly the same text, never as markup.</summary>
public static class MarkdownEscaper
{
    // Characters that can open or close markup anywhere in a line.
    private const string AlwaysEscaped = "\\`*_[]<&!";

    // Characters that make markup only at the start of a line (headings, quotes, lists, rules, fences).
    private const string LineStartEscaped = "#>-+=~";

    /// <summary>Escapes text; <paramref name="atLineStart"/> says whether it begins a Markdown line.</summary>
    public static string Escape(string text, bool atLineStart)
    {
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var lineStart = atLineStart && i == 0;
            if (AlwaysEscaped.Contains(c) || (lineStart && LineStartEscaped.Contains(c)))
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
}

using System.Text;

namespace EditionBuilder.Search;

/// <summary>A page as Pagefind reads it: the published page, plus before each word that <see cref="ArabicNormalizer"/> changes its normalized form, marked with U+2063 so the search page leaves it out of excerpts. The query is normalized the same way, so both sides meet on the normalized word; the author's word stays indexed as written.</summary>
/// <remarks>Measured in Chromium (tests/EditionBuilder.BrowserTests/Search/PagefindArabicTests.cs): Pagefind's Arabic stemmer alone folds hamza on alef, diacritics, tatweel and Arabic-Indic digits, but not alef wasla (ٱلكتاب is not found by الكتاب) nor teh marbuta after the article (الاستراتيجيه finds 2 of the 10 chapters that الاستراتيجية finds). The published page never changes.</remarks>
public static class SearchDocument
{
    /// <summary>Marks a word that is a normalized copy, not the author's text (INVISIBLE SEPARATOR, which Pagefind does not index).</summary>
    public const char CopyMark = '\u2063';

    /// <summary>Changes when the documents Pagefind reads change, so a cached index is not reused across versions.</summary>
    public const string Format = "2";

    /// <summary>The page with normalized copies before the words normalization changes; the page itself when it changes none.</summary>
    public static string For(string html)
    {
        var body = html.IndexOf("<body", StringComparison.OrdinalIgnoreCase);
        if (body < 0) return html;

        var builder = new StringBuilder(html.Length + 256).Append(html, 0, body);
        var at = body;
        while (at < html.Length)
        {
            var open = html.IndexOf('<', at);
            var textEnd = open < 0 ? html.Length : open;
            if (textEnd > at) AppendText(builder, html.AsSpan(at, textEnd - at));
            if (open < 0) break;
            var close = TagEnd(html, open);
            builder.Append(html, open, close - open);
            at = close;
            if (IsRawText(html, open, out var name))
            {
                // Script and style text is not page text: copied as it is up to its end tag.
                var end = html.IndexOf("</" + name, at, StringComparison.OrdinalIgnoreCase);
                end = end < 0 ? html.Length : end;
                builder.Append(html, at, end - at);
                at = end;
            }
        }

        return builder.Length == html.Length ? html : builder.ToString();
    }

    private static void AppendText(StringBuilder builder, ReadOnlySpan<char> text)
    {
        var at = 0;
        while (at < text.Length)
        {
            var start = at;
            while (at < text.Length && !char.IsWhiteSpace(text[at])) at++;
            var word = text[start..at];
            var written = word.ToString();
            var normalized = ArabicNormalizer.Normalize(written);
            // Before the word, so the full stop Pagefind adds at the end of a block stays with the author's word.
            if (!ReferenceEquals(normalized, written) && normalized.Length > 0) builder.Append(CopyMark).Append(normalized).Append(' ');
            builder.Append(word);
            var space = at;
            while (at < text.Length && char.IsWhiteSpace(text[at])) at++;
            builder.Append(text[space..at]);
        }
    }

    // The end of a tag, past quoted attribute values that may hold '>'.
    private static int TagEnd(string html, int open)
    {
        var quote = '\0';
        for (var i = open + 1; i < html.Length; i++)
        {
            var c = html[i];
            if (quote != '\0')
            {
                if (c == quote) quote = '\0';
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i + 1;
            }
        }

        return html.Length;
    }

    private static bool IsRawText(string html, int open, out string name)
    {
        foreach (var candidate in new[] { "script", "style" })
        {
            if (string.Compare(html, open + 1, candidate, 0, candidate.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                name = candidate;
                return true;
            }
        }

        name = string.Empty;
        return false;
    }
}

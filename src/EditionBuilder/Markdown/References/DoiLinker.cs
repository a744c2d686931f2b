using System.Text;
using System.Text.RegularExpressions;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EditionBuilder.Markdown.References;

/// <summary>Links a DOI written as text in a reference (<c>10.1000/xyz</c>, also after <c>doi:</c>) to <c>https://doi.org/10.1000/xyz</c>; the text stays as written. Addresses (https://doi.org/…) are linked by the URL linker before.</summary>
public static partial class DoiLinker
{
    private const string Resolver = "https://doi.org/";

    // A DOI: "10.", a registrant code of digits, "/", a suffix of any printable characters; not inside a word or an address.
    [GeneratedRegex(@"(?<![\p{L}\p{N}/.\-_])10\.[0-9]{4,9}(?:\.[0-9]+)*/[^\s<>""«»\u200E\u200F\u202A-\u202E\u2066-\u2069]+")]
    private static partial Regex Doi();

    private const string TrailingPunctuation = ".,;:!?]}\"'»\u060C\u061B\u061F…";

    /// <summary>Links the DOIs in the literals of a paragraph, outside existing links.</summary>
    public static void Link(ParagraphBlock paragraph)
    {
        if (paragraph.Inline is null) return;
        foreach (var literal in paragraph.Inline.Descendants<LiteralInline>().ToList())
        {
            if (literal.Parent is null || HasLinkAncestor(literal)) continue;
            var text = literal.Content.ToString();
            if (!text.Contains("10.", StringComparison.Ordinal)) continue;
            var matches = Doi().Matches(text);
            if (matches.Count == 0) continue;

            var pieces = new List<Inline>();
            var position = 0;
            foreach (Match match in matches)
            {
                var doi = Trim(match.Value);
                if (doi.EndsWith('/')) continue; // a registrant code without a suffix names nothing
                // A DOI that runs on past its literal (into an entity, code or escaped character) would be linked cut short: it stays text.
                if (match.Index + match.Length == text.Length && literal.NextSibling is LiteralInline or HtmlEntityInline or CodeInline) continue;
                if (match.Index > position) pieces.Add(new LiteralInline(text[position..match.Index]));
                var link = new LinkInline(HrefOf(doi), string.Empty);
                link.AppendChild(new LiteralInline(doi));
                link.GetAttributes().AddProperty("rel", "noopener noreferrer");
                pieces.Add(link);
                position = match.Index + doi.Length;
            }

            if (position < text.Length) pieces.Add(new LiteralInline(text[position..]));
            InlineEdits.ReplaceWith(literal, pieces);
        }
    }

    /// <summary>The resolver's address of a DOI, its characters that would end or break a URL percent-encoded.</summary>
    public static string HrefOf(string doi)
    {
        var href = new StringBuilder(Resolver);
        foreach (var b in Encoding.UTF8.GetBytes(doi))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || "/.-_~:;()!*'@$,=+[]".Contains(c))) href.Append(c);
            else href.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return href.ToString();
    }

    // The sentence's punctuation after a DOI is not part of it; a closing parenthesis is, when the DOI opened one.
    // Counted once and kept up to date, so a long run of punctuation is trimmed in linear time.
    private static string Trim(string doi)
    {
        var end = doi.Length;
        var unclosed = doi.Count(c => c == ')') - doi.Count(c => c == '(');
        while (end > 0)
        {
            var last = doi[end - 1];
            if (last == ')' && unclosed > 0) unclosed--;
            else if (!TrailingPunctuation.Contains(last)) break;
            end--;
        }

        return doi[..end];
    }

    private static bool HasLinkAncestor(Inline inline)
    {
        for (var parent = inline.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is LinkInline) return true;
        }

        return false;
    }
}

using System.Text.RegularExpressions;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EditionBuilder.Markdown.Links;

/// <summary>Turns http(s):// and www. addresses in text into external links; nothing else (no javascript:, no data:) ever becomes a link.</summary>
public static partial class UrlLinker
{
    /// <summary>Marks the links made from addresses written in the text, so later steps (archived copies) know them.</summary>
    public static readonly object CitedUrlKey = new();

    // Every match of UrlPattern begins with "http" or "www."; most literals hold neither and need no regex. (A SearchValues of the two
    // cost 55 ms to make, most of a one-article render in a rebuild.)
    private static bool MayHoldUrl(ReadOnlySpan<char> text) =>
        text.IndexOf("http", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("www.", StringComparison.OrdinalIgnoreCase) >= 0;

    private const string TrailingPunctuation = ".,;:!?)]}\"'»،؛؟…";

    // Case is spelled out rather than RegexOptions.IgnoreCase: with it the generated matcher makes a SearchValues of strings on first use
    // (30 ms, in every build that renders an article with a URL); with letter sets it looks for four characters.
    [GeneratedRegex(@"(?:[Hh][Tt][Tt][Pp][Ss]?://|[Ww][Ww][Ww]\.)[^\s<>""«»\u200E\u200F\u202A-\u202E\u2066-\u2069]+")]
    private static partial Regex UrlPattern();

    /// <summary>The address to link to for a URL written in text, or null when it must stay text.</summary>
    public static string? HrefFor(string url)
    {
        var href = url.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? "https://" + url : url;
        return Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Contains('.')
            ? href
            : null;
    }

    /// <summary>Rewrites the literals of a parsed document, outside existing links.</summary>
    public static void Link(MarkdownDocument document)
    {
        foreach (var literal in document.Descendants<LiteralInline>().ToList())
        {
            if (literal.Parent is null || !MayHoldUrl(literal.Content.AsSpan()) || HasLinkAncestor(literal)) continue;
            var text = literal.Content.ToString();
            var matches = UrlPattern().Matches(text);
            if (matches.Count == 0) continue;

            var position = 0;
            var pieces = new List<Inline>();
            foreach (Match match in matches)
            {
                var url = match.Value.TrimEnd(TrailingPunctuation.ToCharArray());
                var href = HrefFor(url);
                if (href is null) continue;
                if (match.Index > position) pieces.Add(new LiteralInline(text[position..match.Index]));
                var link = new LinkInline(href, string.Empty) { IsAutoLink = false };
                link.AppendChild(new LiteralInline(url));
                link.GetAttributes().AddProperty("rel", "noopener noreferrer");
                link.SetData(CitedUrlKey, true);
                pieces.Add(link);
                position = match.Index + url.Length;
            }

            if (pieces.Count == 0) continue;
            if (position < text.Length) pieces.Add(new LiteralInline(text[position..]));
            InlineEdits.ReplaceWith(literal, pieces);
        }
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

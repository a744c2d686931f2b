using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EditionBuilder.Markdown.Safety;

/// <summary>Keeps only safe links in hand-written Markdown: http(s) and mailto (external ones get rel="noopener noreferrer") and relative paths; any other link (javascript:, data:, vbscript:…) becomes its text. Images may only be relative, so no request leaves the site.</summary>
public static class LinkSanitizer
{
    /// <summary>A link or image that lost its link, where it was written (line and column from 0 in the Markdown body, as Markdig counts them).</summary>
    public sealed record Dropped(string Url, bool IsImage, int Line, int Column);

    private static readonly object DroppedKey = new();

    /// <summary>The links and images of a document that were shown as text (so the build can say so at their place).</summary>
    public static IReadOnlyList<Dropped> DroppedIn(MarkdownDocument document) => document.GetData(DroppedKey) as List<Dropped> ?? [];

    public static void Sanitize(MarkdownDocument document)
    {
        var dropped = new List<Dropped>();
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            var scheme = autolink.IsEmail ? "mailto" : SchemeOf(autolink.Url);
            if (scheme is "http" or "https" or "mailto") autolink.GetAttributes().AddPropertyIfNotExist("rel", "noopener noreferrer");
            else
            {
                dropped.Add(new Dropped(autolink.Url, false, autolink.Line, autolink.Column));
                autolink.ReplaceBy(new LiteralInline("<" + autolink.Url + ">"));
            }
        }

        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            var url = link.Url ?? string.Empty;
            var scheme = SchemeOf(url);
            var allowed = link.IsImage
                ? scheme is null && !url.StartsWith("//", StringComparison.Ordinal)
                : scheme is null or "http" or "https" or "mailto";
            if (!allowed)
            {
                dropped.Add(new Dropped(url, link.IsImage, link.Line, link.Column));
                Unwrap(link);
                continue;
            }

            if (scheme is "http" or "https") link.GetAttributes().AddPropertyIfNotExist("rel", "noopener noreferrer");
        }

        if (dropped.Count > 0) document.SetData(DroppedKey, dropped);
    }

    /// <summary>The lower-cased scheme of a URL ("javascript"), or null for a relative one; control characters and spaces are ignored, as browsers ignore them.</summary>
    public static string? SchemeOf(string url)
    {
        var cleaned = new string(url.Where(c => c > ' ' && !char.IsControl(c)).ToArray());
        var colon = cleaned.IndexOf(':');
        if (colon <= 0) return null;
        var slash = cleaned.IndexOfAny(['/', '?', '#']);
        if (slash >= 0 && slash < colon) return null;
        return cleaned[..colon].ToLowerInvariant();
    }

    // The link's text stays, as text; for an image its alternative text.
    private static void Unwrap(LinkInline link)
    {
        if (link.IsImage)
        {
            var alt = string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
            link.ReplaceBy(new LiteralInline(alt), copyChildren: false);
            return;
        }

        var children = link.ToList();
        foreach (var child in children) child.Remove();
        InlineEdits.ReplaceWith(link, children);
    }
}

using System.Collections.Concurrent;
using EditionBuilder.Parse;
using EditionBuilder.Site;
using EditionBuilder.Verify;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EditionBuilder.Pipeline;

/// <summary>
/// Where each link and image of the articles parsed in this build was written in their Markdown, so that a broken one is
/// reported at the chapter's line and column, which the author can open, rather than at a page of a build that failed and
/// so was never written. A page's own chapter is looked in first; the full text holds every chapter.
/// </summary>
internal sealed class MarkdownLinkPlaces
{
    private sealed record Written(string Page, string Url, SourcePlace Place);

    private readonly ConcurrentDictionary<string, List<Written>> _byArticle = new(StringComparer.Ordinal);

    public void Add(ParsedArticle article)
    {
        var written = new List<Written>();
        foreach (var chapter in article.Chapters.Concat(article.Abstracts).Concat(article.References is { } references ? [references.File] : []))
        {
            foreach (var link in chapter.Document.Descendants<LinkInline>())
            {
                // Links to the web are only checked for their scheme, which a page's allowed ones always pass: kept are those that can break.
                if (string.IsNullOrEmpty(link.Url) || link.Url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                    || link.Url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || link.Url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) continue;
                written.Add(new Written(chapter.PageName, link.Url, new SourcePlace(chapter.File.Path, link.Line + chapter.BodyLine, link.Column + 1)));
            }
        }

        _byArticle[article.Slug + "/"] = written;
    }

    /// <summary>Where the link was written, or null when its page is no article's page parsed in this build or no link there has its address.</summary>
    public SourcePlace? Find(string page, LinkFact link)
    {
        var slash = page.IndexOf('/');
        if (slash < 0 || !_byArticle.TryGetValue(page[..(slash + 1)], out var written)) return null;
        var name = page[(slash + 1)..];
        Written? found = null;
        foreach (var candidate in written)
        {
            if (candidate.Url != link.Target) continue;
            if (candidate.Page == name) return candidate.Place;
            found ??= candidate;
        }

        return found?.Place;
    }
}

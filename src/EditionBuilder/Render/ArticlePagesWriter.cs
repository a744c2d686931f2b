using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Themes;
using EditionBuilder.Writers;
using Markdig;

namespace EditionBuilder.Render;

/// <summary>The site's HTML for one article as a writer: its landing page (offering the downloads of the writers before it, with their sizes), a page per chapter, the full text, the abstracts, the citation files and its media, rendered by <see cref="ArticlePages"/>.</summary>
public sealed class ArticlePagesWriter(ArticlePages pages) : IArticleWriter
{
    /// <summary>The writer's name. The registry runs it in every build (a site without its pages is none) and after the downloads, so the landing page offers them all.</summary>
    public const string WriterName = "pages";

    /// <summary>The writer for a build.</summary>
    /// <param name="theme">The theme.</param>
    /// <param name="site">The edition the pages belong to.</param>
    /// <param name="pipeline">The Markdig pipeline the articles were parsed with.</param>
    /// <param name="leaveOutBodies">Pages keep their Markdown bodies apart (<see cref="Site.SiteFile.Fragments"/>), so a build minifies each body once; otherwise pages are whole.</param>
    public static ArticlePagesWriter Create(Theme theme, SiteContext site, MarkdownPipeline pipeline, bool leaveOutBodies) =>
        new(new ArticlePages(new PageRenderer(theme, site, leaveOutBodies), new ChapterHtml(pipeline, theme.NoteOptions(), theme.Strings.Get("ar", "paragraph_label"))));

    /// <inheritdoc/>
    public string Name => WriterName;

    /// <summary>Nothing beyond the article's files, the theme and the edition, which are in every article's key.</summary>
    public string CacheContext(ArticleMetadata metadata) => string.Empty;

    /// <summary>The article's pages, media and citation files, with its entry for the journal's index; null when a template reported an error.</summary>
    public ArticleOutput? Write(ArticleWriterInput input, DiagnosticBag diagnostics)
    {
        var downloads = input.Downloads.Select(d => (new DownloadView(d.Writer, d.Path, d.MediaType, d.Bytes), d.AlternateTitle)).ToList();
        return pages.Render(input.Article, diagnostics, downloads, input.Media) is { } rendered ? new ArticleOutput(rendered.Pages, []) { Summary = rendered.Summary } : null;
    }
}

using EditionBuilder.Diagnostics;
using EditionBuilder.Parse;
using EditionBuilder.Site;
using EditionBuilder.Themes;
using Markdig;

namespace EditionBuilder.Render;

/// <summary>The render stage: parsed articles through the theme's templates into site files (docs/design.md, "The site").</summary>
public sealed class SiteRenderer
{
    private readonly ArticlePages _articles;
    private readonly SitePages _site;

    /// <param name="theme">The theme.</param>
    /// <param name="site">The edition the pages belong to.</param>
    /// <param name="pipeline">The Markdig pipeline the articles were parsed with.</param>
    /// <param name="leaveOutBodies">Pages keep their Markdown bodies apart (<see cref="SiteFile.Fragments"/>), so a build minifies each body once; otherwise pages are whole.</param>
    public SiteRenderer(Theme theme, SiteContext site, MarkdownPipeline pipeline, bool leaveOutBodies)
    {
        var pages = new PageRenderer(theme, site, leaveOutBodies);
        _articles = new ArticlePages(pages, new ChapterHtml(pipeline, theme.NoteOptions(), theme.Strings.Get("ar", "paragraph_label")));
        _site = new SitePages(pages, theme);
    }

    /// <summary>One article's pages (its landing page offering the files its writers made) and its summary for the journal index; null when an error was reported.</summary>
    public RenderedArticle? RenderArticle(ParsedArticle article, DiagnosticBag diagnostics, IReadOnlyList<(DownloadView File, string? AlternateTitle)>? downloads = null, IReadOnlyList<SiteFile>? media = null) =>
        _articles.Render(article, diagnostics, downloads ?? [], media);

    /// <summary>The site's own files, from every article's summary and the paths of their files.</summary>
    public IReadOnlyList<SiteFile> RenderSitePages(IReadOnlyList<ArticleSummary> articles, IReadOnlyCollection<string> articlePaths, DiagnosticBag diagnostics) =>
        _site.Render(articles, articlePaths, diagnostics);
}

using EditionBuilder.Diagnostics;
using EditionBuilder.Markdown.Notes;
using EditionBuilder.Parse;
using EditionBuilder.Site;
using Markdig;

namespace EditionBuilder.Render;

/// <summary>The render stage: parsed articles through the theme's templates into site files (DESIGN.md, "The site").</summary>
public sealed class SiteRenderer
{
    private readonly ArticlePages _articles;
    private readonly SitePages _site;

    /// <param name="templates">The theme.</param>
    /// <param name="site">The edition the pages belong to.</param>
    /// <param name="pipeline">The Markdig pipeline the articles were parsed with.</param>
    /// <param name="leaveOutBodies">Pages keep their Markdown bodies apart (<see cref="SiteFile.Fragments"/>), so a build minifies each body once; otherwise pages are whole.</param>
    public SiteRenderer(TemplateSet templates, SiteContext site, MarkdownPipeline pipeline, bool leaveOutBodies)
    {
        var pages = new PageRenderer(templates, site, leaveOutBodies);
        _articles = new ArticlePages(pages, new ChapterHtml(pipeline, Notes, "الفقرة {0}"));
        _site = new SitePages(pages, templates);
    }

    /// <summary>The note markup and strings of the theme, which the other writers (EPUB) share.</summary>
    public NoteRenderOptions Notes { get; } = new();

    /// <summary>One article's pages (its landing page offering its EPUB, when given) and its summary for the journal index; null when an error was reported.</summary>
    public RenderedArticle? RenderArticle(ParsedArticle article, DiagnosticBag diagnostics, DownloadView? epub = null) => _articles.Render(article, diagnostics, epub);

    /// <summary>The site's own files, from every article's summary and the paths of their files.</summary>
    public IReadOnlyList<SiteFile> RenderSitePages(IReadOnlyList<ArticleSummary> articles, IReadOnlyCollection<string> articlePaths, DiagnosticBag diagnostics) =>
        _site.Render(articles, articlePaths, diagnostics);
}

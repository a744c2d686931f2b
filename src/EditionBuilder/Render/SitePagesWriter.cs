using EditionBuilder.Diagnostics;
using EditionBuilder.Site;
using EditionBuilder.Themes;
using EditionBuilder.Writers;

namespace EditionBuilder.Render;

/// <summary>The site's own HTML and files as an edition writer: the journal index, 404.html, the search page, robots.txt, sitemap.xml and the theme's assets, rendered by <see cref="SitePages"/>.</summary>
public sealed class SitePagesWriter(SitePages pages) : IEditionWriter
{
    /// <summary>The writer's name. The registry runs it in every build and last, so the sitemap lists the pages every other writer made.</summary>
    public const string WriterName = "site";

    /// <summary>The writer for a build (<paramref name="leaveOutBodies"/> as for <see cref="ArticlePagesWriter.Create"/>).</summary>
    public static SitePagesWriter Create(Theme theme, SiteContext site, bool leaveOutBodies) => new(new SitePages(new PageRenderer(theme, site, leaveOutBodies), theme));

    /// <inheritdoc/>
    public string Name => WriterName;

    /// <summary>The site's own files, from every article's summary and the paths of the files written before it (for the sitemap).</summary>
    public IReadOnlyList<SiteFile>? Write(EditionWriterInput input, DiagnosticBag diagnostics) => pages.Render(input.Articles, input.Paths, diagnostics);
}

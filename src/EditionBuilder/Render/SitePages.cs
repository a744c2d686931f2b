using EditionBuilder.Diagnostics;
using EditionBuilder.Site;

namespace EditionBuilder.Render;

/// <summary>The files that belong to no one article: the journal index, 404.html, robots.txt, sitemap.xml and the theme's assets.</summary>
public sealed class SitePages(PageRenderer pages, TemplateSet templates)
{
    private SiteContext Site => pages.Site;

    /// <summary>Renders them from every article's summary and the paths of every article's files (for the sitemap).</summary>
    public IReadOnlyList<SiteFile> Render(IReadOnlyList<ArticleSummary> articles, IReadOnlyCollection<string> articlePaths, DiagnosticBag diagnostics)
    {
        var files = new List<SiteFile>();
        void Add(PageRequest request) { if (pages.Render(request, diagnostics) is { } page) files.Add(page); }

        var publisher = Site.Edition.Publisher;
        if (Site.IsJournal)
        {
            var title = Site.SiteName.Length > 0 ? Site.SiteName : "المجلة";
            Add(new PageRequest("index.html", "journal.html", "journal", "ar", "rtl", title, Site.SiteName, [], new JournalPageModel(articles, publisher)));
        }

        Add(new PageRequest("404.html", "404.html", "404", "ar", "rtl", "الصفحة غير موجودة", Site.SiteName, [], new JournalPageModel([], publisher)));
        files.Add(SiteFile.Text("robots.txt", SiteMaps.RobotsTxt(Site.Edition)));
        if (Site.Edition.BaseUrl.Length > 0) files.Add(SiteFile.Text("sitemap.xml", SiteMaps.Sitemap(Site.Edition.BaseUrl, articlePaths.Concat(files.Select(f => f.Path)))));
        foreach (var (path, bytes) in templates.Assets.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            files.Add(new SiteFile("assets/" + path, bytes));
        }

        return files;
    }
}

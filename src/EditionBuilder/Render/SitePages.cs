using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Site;
using EditionBuilder.Themes;

namespace EditionBuilder.Render;

/// <summary>The files that belong to no one article: the journal index, 404.html, the search page (when the site has search), robots.txt, sitemap.xml and the theme's assets.</summary>
public sealed class SitePages(PageRenderer pages, Theme theme)
{
    private SiteContext Site => pages.Site;

    /// <summary>Renders them from every article's summary and the paths of every article's files (for the sitemap).</summary>
    public IReadOnlyList<SiteFile> Render(IReadOnlyList<ArticleSummary> articles, IReadOnlyCollection<string> articlePaths, DiagnosticBag diagnostics)
    {
        var files = new List<SiteFile>();
        void Add(PageRequest request) { if (pages.Render(request, diagnostics) is { } page) files.Add(page); }

        if (Site.IsJournal)
        {
            var title = Site.SiteName.Length > 0 ? Site.SiteName : theme.Strings.Get("ar", "journal");
            Add(new PageRequest("index.html", "journal.html", "journal", "ar", "rtl", title, Site.SiteName, JournalContents.HomeAlternates(Site, theme.Strings), JournalModel(articles)));
        }

        Add(new PageRequest("404.html", "404.html", "404", "ar", "rtl", theme.Strings.Get("ar", "page_not_found"), Site.SiteName, [], JournalModel([]), AnyDepth: true));
        if (Site.SearchPage is { } search)
        {
            Add(new PageRequest(search, "search.html", "search", "ar", "rtl", theme.Strings.Get("ar", "search_title"), Site.SiteName, [], JournalModel([])));
        }

        files.Add(SiteFile.Text("robots.txt", SiteMaps.RobotsTxt(Site.Edition)));
        if (Site.Edition.BaseUrl.Length > 0) files.Add(SiteFile.Text("sitemap.xml", SiteMaps.Sitemap(Site.Edition.BaseUrl, articlePaths.Concat(files.Select(f => f.Path)))));
        foreach (var (path, bytes) in theme.Assets.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            files.Add(new SiteFile("assets/" + path, bytes));
        }

        if (Site.Logo is { } logo) files.Add(new SiteFile(Site.LogoPath!, logo.Bytes));
        if (Site.Edition.Colours.Count > 0) files.Add(SiteFile.Text(PageRenderer.ColoursPath, ColoursCss(Site.Edition.Colours)));

        return files;
    }

    private JournalPageModel JournalModel(IReadOnlyList<ArticleSummary> articles) =>
        new(articles, Site.Edition.Publisher)
        {
            Volumes = Site.IssuePages ? JournalContents.WithIssuePages(JournalContents.Group(articles, theme.Strings)) : JournalContents.Group(articles, theme.Strings),
            LicenceInfo = ArticleViews.View(Licences.Find(Site.Edition.Licence)),
            IssnPrint = Site.Edition.IssnPrint,
            IssnOnline = Site.Edition.IssnOnline,
        };

    // The theme's colours are CSS custom properties (edition.css: --accent and the others); edition.yml's replace them. Values were checked when read.
    private static string ColoursCss(IReadOnlyDictionary<string, string> colours) =>
        ":root {\n" + string.Concat(colours.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"  --{c.Key}: {c.Value};\n")) + "}\n";
}

using EditionBuilder.Diagnostics;
using EditionBuilder.Site;

namespace EditionBuilder.Themes;

/// <summary>Renders a page request through its template and the layout into a site file.</summary>
/// <param name="theme">The theme.</param>
/// <param name="site">The edition every page belongs to.</param>
/// <param name="leaveOutBodies">Pages keep their Markdown bodies apart (<see cref="SiteFile.Fragments"/>), so a build minifies each body once; otherwise pages are whole.</param>
public sealed class PageRenderer(Theme theme, SiteContext site, bool leaveOutBodies)
{
    /// <summary>The stylesheet made from edition.yml's colours, which every page links when the edition has colours.</summary>
    public const string ColoursPath = "assets/colours.css";

    public SiteContext Site { get; } = site;

    public Theme Theme { get; } = theme;

    // The theme's stylesheet, then the edition's colours, then the publisher's own additions, so each can override the one before.
    private readonly IReadOnlyList<string> _stylesheets =
        new[] { "assets/edition.css", site.Edition.Colours.Count > 0 ? ColoursPath : null, theme.Assets.ContainsKey("custom.css") ? "assets/custom.css" : null }
            .OfType<string>().ToList();

    private readonly LicenceView _editionLicence = ArticleViews.View(Content.Licences.Find(site.Edition.Licence));

    /// <summary>The page, or null when a template reported an error.</summary>
    public SiteFile? Render(PageRequest request, DiagnosticBag diagnostics)
    {
        var page = new PageView(request.Kind, request.Lang, request.Dir, request.Title, SiteFile.RootOf(request.Path), request.SiteName, request.Path,
            request.Alternates, Site.Absolute(request.Path) ?? string.Empty, request.Description?.Tags ?? [], request.Description?.JsonLd ?? new RawHtml(string.Empty),
            _stylesheets, Site.LogoPath ?? string.Empty, Site.SearchPage ?? string.Empty)
        {
            Licence = request.Licence ?? _editionLicence,
            AlternateFiles = request.AlternateFiles,
            Feed = Site.FeedPath ?? string.Empty,
            Description = request.MetaDescription,
            SiteUrl = Site.Absolute(string.Empty) ?? string.Empty,
            SearchEngine = Site.SearchPage is null ? string.Empty : Site.SearchEngine,
        };
        if (request.AnyDepth)
        {
            // Shown at any depth: its relative links resolve against the site's own path when base_url gives it; otherwise it has none.
            page = Site.BasePath is { } basePath
                ? page with { Base = basePath, Canonical = string.Empty }
                : page with { Linked = false, Stylesheets = [], Logo = string.Empty, Search = string.Empty, Feed = string.Empty };
        }

        var leftOut = leaveOutBodies ? new List<HtmlFragment>() : null;
        var body = Theme.Render(request.Template, page, request.Model, diagnostics, leftOut);
        if (body is null) return null;
        var html = Theme.Render("layout.html", page, request.Model, diagnostics, leftOut, new RawHtml(body));
        if (html is null) return null;
        return SiteFile.Text(request.Path, html) with { Fragments = leftOut is { Count: > 0 } ? leftOut : null };
    }
}

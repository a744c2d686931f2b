using EditionBuilder.Diagnostics;
using EditionBuilder.Site;

namespace EditionBuilder.Render;

/// <summary>Renders a page request through its template and the layout into a site file.</summary>
/// <param name="templates">The theme's templates.</param>
/// <param name="site">The edition every page belongs to.</param>
/// <param name="leaveOutBodies">Pages keep their Markdown bodies apart (<see cref="SiteFile.Fragments"/>), so a build minifies each body once; otherwise pages are whole.</param>
public sealed class PageRenderer(TemplateSet templates, SiteContext site, bool leaveOutBodies)
{
    public SiteContext Site { get; } = site;

    /// <summary>The page, or null when a template reported an error.</summary>
    public SiteFile? Render(PageRequest request, DiagnosticBag diagnostics)
    {
        var page = new PageView(request.Kind, request.Lang, request.Dir, request.Title, SiteFile.RootOf(request.Path), request.SiteName, request.Path,
            request.Alternates, Site.Absolute(request.Path) ?? string.Empty, request.Description?.Tags ?? [], request.Description?.JsonLd ?? new RawHtml(string.Empty));
        var leftOut = leaveOutBodies ? new List<HtmlFragment>() : null;
        var body = templates.Render(request.Template, page, request.Model, diagnostics, leftOut);
        if (body is null) return null;
        var html = templates.Render("layout.html", page, new RawHtml(body), diagnostics, leftOut);
        if (html is null) return null;
        return SiteFile.Text(request.Path, html) with { Fragments = leftOut is { Count: > 0 } ? leftOut : null };
    }
}

using EditionBuilder.Content;

namespace EditionBuilder.Render;

/// <summary>The files that tell crawlers about the site: robots.txt, and sitemap.xml when the edition has a base URL.</summary>
public static class SiteMaps
{
    public static string RobotsTxt(EditionMetadata edition) =>
        "User-agent: *\nAllow: /\n" + (edition.BaseUrl.Length > 0 ? $"Sitemap: {edition.BaseUrl.TrimEnd('/')}/sitemap.xml\n" : string.Empty);

    /// <summary>Every page of the site but 404.html, in path order.</summary>
    public static string Sitemap(string baseUrl, IEnumerable<string> paths)
    {
        var builder = new System.Text.StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        foreach (var path in paths.Where(p => p.EndsWith(".html", StringComparison.Ordinal) && p != "404.html").Distinct().Order(StringComparer.Ordinal))
        {
            builder.Append("  <url><loc>").Append(System.Security.SecurityElement.Escape(baseUrl.TrimEnd('/') + "/" + path)).Append("</loc></url>\n");
        }

        return builder.Append("</urlset>\n").ToString();
    }
}

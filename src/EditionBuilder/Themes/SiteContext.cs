using EditionBuilder.Content;
using EditionBuilder.Site;

namespace EditionBuilder.Themes;

/// <summary>What every page of an edition shares: the edition's metadata, whether it is a journal, and its logo.</summary>
public sealed record SiteContext(EditionMetadata Edition, bool IsJournal, EditionImage? Logo = null)
{
    /// <summary>The edition from its content.</summary>
    public static SiteContext Of(EditionContent content) => new(content.Edition, content.IsJournal, content.Logo);

    /// <summary>The site path of the search page; null for a site without search.</summary>
    public string? SearchPage { get; init; }

    /// <summary>The engine that makes the search index ("edition" or "pagefind"), for the search page's script and its Content-Security-Policy; empty for a site without search.</summary>
    public string SearchEngine { get; init; } = string.Empty;

    /// <summary>The site path of the Atom feed, linked from every page's head; null for a site without one.</summary>
    public string? FeedPath { get; init; }

    /// <summary>True when the site has a page per issue, which the journal index links.</summary>
    public bool IssuePages { get; init; }

    /// <summary>The journal's home pages in other languages than Arabic (en/index.html, fr/index.html), by language; empty when the site has none.</summary>
    public IReadOnlyList<string> HomeLanguages { get; init; } = [];

    /// <summary>Where the logo is in the site; null without one.</summary>
    public string? LogoPath => Logo is null ? null : "assets/logo" + Logo.Extension;

    /// <summary>The edition's name in Arabic, shown in every page's header.</summary>
    public string SiteName => Edition.NameIn("ar");

    /// <summary>The path of the site's root on its server ("/", "/edition/") when edition.yml sets base_url; null otherwise.</summary>
    public string? BasePath => Edition.BaseUrl.Length > 0 && Uri.TryCreate(Edition.BaseUrl, UriKind.Absolute, out var uri)
        ? (uri.AbsolutePath.EndsWith('/') ? uri.AbsolutePath : uri.AbsolutePath + "/")
        : null;

    /// <summary>The absolute address of a site path when edition.yml sets base_url; null otherwise.</summary>
    public string? Absolute(string path) =>
        Edition.BaseUrl.Length > 0 ? Edition.BaseUrl.TrimEnd('/') + "/" + path : null;

    /// <summary>The address of a site path as seen from a page: absolute with a base URL, relative otherwise.</summary>
    public string Address(string fromPage, string path) => Absolute(path) ?? SiteFile.RootOf(fromPage) + path;
}

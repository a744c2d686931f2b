using EditionBuilder.Citations;

namespace EditionBuilder.Themes;

/// <summary>One page to render: where it goes, which template makes it, what it says of itself, and the model the template reads.</summary>
/// <param name="Path">The page's path in the site.</param>
/// <param name="Template">The page template (the layout wraps it).</param>
/// <param name="Kind">The kind of page, a class on its body: article, chapter, fulltext, abstract, journal, 404.</param>
/// <param name="Lang">The page's language.</param>
/// <param name="Dir">rtl or ltr.</param>
/// <param name="Title">The page's title.</param>
/// <param name="SiteName">The edition's name in the page's language.</param>
/// <param name="Alternates">The page's language versions.</param>
/// <param name="Model">What the template reads as <c>model</c>.</param>
/// <param name="Description">The page's machine-readable description (meta tags, JSON-LD), when it has one.</param>
/// <param name="AnyDepth">The server shows this page at any address (404.html), so its relative links cannot rely on where it is.</param>
public sealed record PageRequest(
    string Path,
    string Template,
    string Kind,
    string Lang,
    string Dir,
    string Title,
    string SiteName,
    IReadOnlyList<LinkView> Alternates,
    object Model,
    PageDescription? Description = null,
    bool AnyDepth = false)
{
    /// <summary>The licence the page's footer names: its article's, else (null) the edition's.</summary>
    public LicenceView? Licence { get; init; }

    /// <summary>Other forms of the page's content, linked from its head as <c>&lt;link rel="alternate" type="…"&gt;</c> (an article's JATS file).</summary>
    public IReadOnlyList<AlternateFile> AlternateFiles { get; init; } = [];

    /// <summary>The page's summary for search engines, plain text; empty for none.</summary>
    public string MetaDescription { get; init; } = string.Empty;
}


/// <summary>A page's machine-readable description: meta tags and JSON-LD.</summary>
public sealed record PageDescription(IReadOnlyList<ScholarlyMetadata.MetaTag> Tags, RawHtml JsonLd);

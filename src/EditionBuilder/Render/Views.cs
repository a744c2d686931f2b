using EditionBuilder.Site;
namespace EditionBuilder.Render;

// The view models that templates read; Scriban exposes their properties in snake_case (SiteName -> site_name).

/// <summary>A link with its text; Href is relative to the site root and templates prefix it with page.root.</summary>
public sealed record LinkView(string Title, string Href, string Lang = "");

/// <summary>What every page knows of itself; Stylesheets and Logo are site paths (templates prefix them with root), Logo empty when the edition has none. A page shown at any address (404.html) has a Base (the site's path from base_url) for its links, or, without one, is not Linked: it then uses no relative link or asset at all.</summary>
public sealed record PageView(
    string Kind,
    string Lang,
    string Dir,
    string Title,
    string Root,
    string SiteName,
    string Path,
    IReadOnlyList<LinkView> Alternates,
    string Canonical,
    IReadOnlyList<ScholarlyMetadata.MetaTag> Meta,
    RawHtml JsonLd,
    IReadOnlyList<string> Stylesheets,
    string Logo,
    string Base = "",
    bool Linked = true);

/// <summary>An article as its landing page and the journal index show it.</summary>
public sealed record ArticleView(
    string Slug,
    string Title,
    string TitleEn,
    string TitleFr,
    IReadOnlyList<string> Authors,
    string Journal,
    string Volume,
    string Issue,
    string Date,
    string Licence,
    string Citation,
    string Href,
    string FullTextHref,
    IReadOnlyList<LinkView> Chapters,
    IReadOnlyList<LinkView> Abstracts,
    int NoteCount,
    IReadOnlyList<LinkView> CiteFiles);

/// <summary>A chapter page: its text, notes and neighbours.</summary>
public sealed record ChapterView(int Order, string Title, string Id, HtmlFragment Body, LinkView? Previous, LinkView? Next);

/// <summary>An abstract page.</summary>
public sealed record AbstractView(string Lang, string Title, HtmlFragment Body, IReadOnlyList<LinkView> OtherLanguages);

/// <summary>The model of a chapter page.</summary>
public sealed record ChapterPageModel(ArticleView Article, ChapterView Chapter);

/// <summary>The model of the full-text page.</summary>
public sealed record FullTextPageModel(ArticleView Article, IReadOnlyList<ChapterView> Chapters);

/// <summary>The model of an abstract page.</summary>
public sealed record AbstractPageModel(ArticleView Article, AbstractView Abstract);

/// <summary>The model of an article landing page.</summary>
public sealed record ArticlePageModel(ArticleView Article);

/// <summary>The model of the journal index.</summary>
public sealed record JournalPageModel(IReadOnlyList<ArticleSummary> Articles, string Publisher);

/// <summary>What the journal index shows of an article; small enough to keep in the build cache.</summary>
public sealed record ArticleSummary(string Slug, string Title, IReadOnlyList<string> Authors, string Href);

/// <summary>An article's rendered pages and its summary.</summary>
public sealed record RenderedArticle(ArticleSummary Summary, IReadOnlyList<SiteFile> Pages);

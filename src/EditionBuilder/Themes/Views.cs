using EditionBuilder.Citations;
using EditionBuilder.Site;
namespace EditionBuilder.Themes;

// The view models that templates read; Scriban exposes their properties in snake_case (SiteName -> site_name).

/// <summary>A link with its text; Href is relative to the site root and templates prefix it with page.root; Lang and Dir are the linked text's when it differs from the page's.</summary>
public sealed record LinkView(string Title, string Href, string Lang = "", string Dir = "");

/// <summary>What every page knows of itself; Stylesheets, Logo and Search are site paths (templates prefix them with root), Logo empty when the edition has none, Search empty when the site has no search. A page shown at any address (404.html) has a Base (the site's path from base_url) for its links, or, without one, is not Linked: it then uses no relative link or asset at all.</summary>
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
    string Search,
    string Base = "",
    bool Linked = true)
{
    /// <summary>The licence in the page's footer (its article's, else the edition's); empty when none is given.</summary>
    public LicenceView Licence { get; init; } = LicenceView.None;

    /// <summary>Other forms of the page's content (an article's JATS file), for <c>&lt;link rel="alternate" type="…"&gt;</c>.</summary>
    public IReadOnlyList<AlternateFile> AlternateFiles { get; init; } = [];

    /// <summary>The journal's Atom feed (site path), linked from the head of every page; empty when the site has none.</summary>
    public string Feed { get; init; } = string.Empty;
    /// <summary>The page's summary for search engines (<c>&lt;meta name="description"&gt;</c>): its abstract's opening; empty for none.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>base_url with a final slash, empty without one: language versions are linked by absolute address when it is known, as search engines require of hreflang.</summary>
    public string SiteUrl { get; init; } = string.Empty;

    /// <summary>The engine that made the site's search index: "edition" (<c>search/</c>) or "pagefind" (<c>pagefind/</c>); empty for a site without search.</summary>
    public string SearchEngine { get; init; } = string.Empty;
}

/// <summary>Another form of a page's content: where it is (relative to the site root), its media type and a title.</summary>
public sealed record AlternateFile(string Href, string Type, string Title);


/// <summary>An article as a page in one language shows it: the Arabic title, and authors, date, keywords, licence and citation in the page's language where given.</summary>
public sealed record ArticleView(
    string Slug,
    string Title,
    string TitleEn,
    string TitleFr,
    IReadOnlyList<AuthorView> Authors,
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
    IReadOnlyList<LinkView> CiteFiles)
{
    /// <summary>The files the article's writers made (EPUB, JATS…), offered on its landing page in the registry's order; empty when none ran (--no-epub, --no-jats…).</summary>
    public IReadOnlyList<DownloadView> Downloads { get; init; } = [];

    /// <summary>The language of the page this view is for.</summary>
    public string Lang { get; init; } = "ar";

    /// <summary>The language of <see cref="Title"/> ("ar" unless article.yml gives no Arabic title) and its direction, so a fallback title is marked up as what it is.</summary>
    public string TitleLang { get; init; } = "ar";

    public string TitleDir { get; init; } = "rtl";

    /// <summary>The article's reference list page, linked from the table of contents after the chapters; null when the article has none.</summary>
    public LinkView? References { get; init; }

    public string Subtitle { get; init; } = string.Empty;

    /// <summary>The bare DOI and its https://doi.org/ link; empty without one.</summary>
    public string Doi { get; init; } = string.Empty;

    public string DoiHref { get; init; } = string.Empty;

    /// <summary>The keywords of the page's language.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>"12–34" (first and last page), or one page, or empty.</summary>
    public string Pages { get; init; } = string.Empty;

    public string FirstPage { get; init; } = string.Empty;

    public string LastPage { get; init; } = string.Empty;

    /// <summary>The date in the page's language, for <c>&lt;time datetime="{{ iso }}" dir="{{ dir }}"&gt;</c>.</summary>
    public DateView Published { get; init; } = DateView.None;

    /// <summary>The article's licence (or the edition's), with its name and address.</summary>
    public LicenceView LicenceInfo { get; init; } = LicenceView.None;

    /// <summary>The Arabic abstract (ar/abstract.md), shown on the landing page; empty without one.</summary>
    public HtmlFragment Abstract { get; init; } = new(string.Empty);

    /// <summary>The title of the Arabic abstract ("ملخص"), as its file gives it.</summary>
    public string AbstractTitle { get; init; } = string.Empty;

    /// <summary>The edition's ISSNs, online first.</summary>
    public IReadOnlyList<string> Issns { get; init; } = [];

    /// <summary>The citation as parts a template isolates one by one (<see cref="Citation"/> is the same text whole).</summary>
    public IReadOnlyList<CitationPart> CitationParts { get; init; } = [];
}

/// <summary>An author as a page shows it: the name in the page's script where given (Lang says which), affiliations, ORCID and e-mail links.</summary>
public sealed record AuthorView(string Name, string Lang, IReadOnlyList<string> Affiliations, string Orcid, string OrcidHref, string Email, string EmailHref);

/// <summary>A date for <c>&lt;time&gt;</c>: ISO 8601 for the machine, text in the page's language, and the direction that isolates it.</summary>
public sealed record DateView(string Iso, string Text, string Dir)
{
    public static DateView None { get; } = new(string.Empty, string.Empty, string.Empty);
}

/// <summary>A licence for the footer: SPDX id, names and address; empty when none is given.</summary>
public sealed record LicenceView(string Id, string ShortName, string Name, string Href)
{
    public static LicenceView None { get; } = new(string.Empty, string.Empty, string.Empty, string.Empty);
}

/// <summary>A file to download from an article's landing page: the writer that made it (its name picks the theme string <c>{name}_download</c>), where it is, its media type and how large, in bytes and in kilobytes rounded up.</summary>
public sealed record DownloadView(string Name, string Href, string MediaType, long Bytes)
{
    public long Kilobytes => (Bytes + 1023) / 1024;
}

/// <summary>A chapter page: its text, notes and neighbours.</summary>
public sealed record ChapterView(int Order, string Title, string Id, HtmlFragment Body, LinkView? Previous, LinkView? Next)
{
    /// <summary>The chapter's own language and direction (its front matter's): a section in English inside an Arabic article is marked as such.</summary>
    public string Lang { get; init; } = "ar";

    public string Dir { get; init; } = "rtl";
}

/// <summary>An abstract page.</summary>
public sealed record AbstractView(string Lang, string Title, HtmlFragment Body, IReadOnlyList<LinkView> OtherLanguages);

/// <summary>An article's reference list as its page and the full text show it: its heading, language and direction (the file's), the list, and the chapter before it.</summary>
public sealed record ReferencesView(string Title, string Lang, string Dir, string Id, HtmlFragment Body, LinkView? Previous)
{
    /// <summary>The heading's own language: a Latin "References" (or "Références") over a right-to-left list is English (or French); else the list's.</summary>
    public string TitleLang => HeadingLanguage(Title, Lang, Dir);

    /// <summary>The heading's direction, left to right when <see cref="TitleLang"/> is not the list's language.</summary>
    public string TitleDir => TitleLang == Lang ? Dir : "ltr";

    /// <summary>The language of a reference list's heading (the site's pages and the e-book's): English or French when a right-to-left list is headed in Latin letters, else the list's.</summary>
    public static string HeadingLanguage(string title, string lang, string dir) => dir == "rtl" && IsLatin(title) ? (LooksFrench(title) ? "fr" : "en") : lang;

    // Latin letters and no letter of a right-to-left script: a heading the author typed in English or French.
    private static bool IsLatin(string text) =>
        text.Any(c => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '\u00C0' and <= '\u024F') && !text.Any(c => c is >= '\u0590' and <= '\u08FF' or >= '\uFB1D' and <= '\uFEFC');

    // The accented letters of French, or its usual headings without them.
    private static bool LooksFrench(string text) =>
        text.Any(c => "éèêàçùâîôûëïœ".Contains(char.ToLowerInvariant(c))) || text.StartsWith("Bibliographie", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The model of the reference list's page.</summary>
public sealed record ReferencesPageModel(ArticleView Article, ReferencesView References);

/// <summary>The model of a chapter page.</summary>
public sealed record ChapterPageModel(ArticleView Article, ChapterView Chapter);

/// <summary>The model of the full-text page.</summary>
public sealed record FullTextPageModel(ArticleView Article, IReadOnlyList<ChapterView> Chapters)
{
    /// <summary>The reference list, after the last chapter; null when the article has none.</summary>
    public ReferencesView? References { get; init; }
}

/// <summary>The model of an abstract page.</summary>
public sealed record AbstractPageModel(ArticleView Article, AbstractView Abstract);

/// <summary>The model of an article landing page.</summary>
public sealed record ArticlePageModel(ArticleView Article);

/// <summary>The model of the journal index: its articles grouped by volume and issue, newest first, each issue's articles by first page.</summary>
public sealed record JournalPageModel(IReadOnlyList<ArticleSummary> Articles, string Publisher)
{
    public IReadOnlyList<VolumeView> Volumes { get; init; } = [];

    /// <summary>The edition's licence, for the footer of pages that belong to no article.</summary>
    public LicenceView LicenceInfo { get; init; } = LicenceView.None;

    public string IssnPrint { get; init; } = string.Empty;

    public string IssnOnline { get; init; } = string.Empty;
}

/// <summary>A volume of the journal index; Volume is empty for articles that name none.</summary>
public sealed record VolumeView(string Volume, IReadOnlyList<IssueView> Issues);

/// <summary>An issue of a volume with its date (the latest of its articles) and its articles by first page; Issue is empty for articles that name none.</summary>
public sealed record IssueView(string Volume, string Issue, DateView Published, IReadOnlyList<ArticleSummary> Articles)
{
    /// <summary>The issue's own page (site path), when the site has issue pages; empty otherwise.</summary>
    public string Href { get; init; } = string.Empty;
}

/// <summary>What the journal index shows of an article; small enough to keep in the build cache.</summary>
public sealed record ArticleSummary(string Slug, string Title, IReadOnlyList<string> Authors, string Href)
{
    public string Volume { get; init; } = string.Empty;

    public string Issue { get; init; } = string.Empty;

    /// <summary>The ISO date, or empty.</summary>
    public string Date { get; init; } = string.Empty;

    public string FirstPage { get; init; } = string.Empty;

    public string Pages { get; init; } = string.Empty;

    public string TitleLang { get; init; } = "ar";

    public string TitleDir { get; init; } = "rtl";
}

/// <summary>An article's rendered pages and its summary.</summary>
public sealed record RenderedArticle(ArticleSummary Summary, IReadOnlyList<SiteFile> Pages);

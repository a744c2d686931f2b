using EditionBuilder.Citations;
using EditionBuilder.Site;
using EditionBuilder.Themes;

namespace EditionBuilder.Epub;

// The view models the e-book's templates (templates/epub/) read; Scriban exposes their properties in snake_case.

/// <summary>What every document of the book knows of itself: its kind, language, direction, title, the way back to the book's root ("" or "../") and its structural type (epub:type of its body, empty for none).</summary>
public sealed record EpubPageView(string Kind, string Lang, string Dir, string Title, string Root, string Type);

/// <summary>The book as its title page and navigation show it; hrefs are relative to the book's root and templates prefix them with page.root.</summary>
public sealed record EpubView(
    string Title,
    string TitleEn,
    string TitleFr,
    IReadOnlyList<string> Authors,
    string Journal,
    string Volume,
    string Issue,
    string Date,
    string Publisher,
    string Licence,
    string Citation,
    string EditionName,
    string TitlePageHref,
    string NavHref,
    IReadOnlyList<LinkView> Chapters,
    IReadOnlyList<LinkView> Abstracts)
{
    /// <summary>The reference list's document, after the chapters; null when the article has none.</summary>
    public LinkView? References { get; init; }
    /// <summary>The citation in parts, so the title page can isolate each (a page range "1–14" in Arabic text must not read "14–1"), as the site's pages do.</summary>
    public IReadOnlyList<CitationPart> CitationParts { get; init; } = [];
}

/// <summary>The model of the title page and of the navigation document.</summary>
public sealed record EpubModel(EpubView Book);

/// <summary>The model of a chapter document.</summary>
public sealed record EpubChapterModel(EpubView Book, int Order, string Title, string Id, HtmlFragment Body);

/// <summary>The model of the reference list's document.</summary>
public sealed record EpubReferencesModel(EpubView Book, string Lang, string Dir, string Title, HtmlFragment Body)
{
    /// <summary>The heading's own language, as the site's reference page marks it (<see cref="ReferencesView.HeadingLanguage"/>).</summary>
    public string TitleLang => ReferencesView.HeadingLanguage(Title, Lang, Dir);
}

/// <summary>The model of an abstract document.</summary>
public sealed record EpubAbstractModel(EpubView Book, string Lang, string Title, HtmlFragment Body);

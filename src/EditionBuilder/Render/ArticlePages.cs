using EditionBuilder.Citations;
using EditionBuilder.Diagnostics;
using EditionBuilder.Parse;
using EditionBuilder.Site;
using EditionBuilder.Themes;
using Markdig.Syntax;

namespace EditionBuilder.Render;

/// <summary>The pages of one article (docs/design.md, "The site"): landing page, a page per chapter, the full text, the abstracts, the citation files, and for a one-article edition the root index.</summary>
public sealed class ArticlePages(PageRenderer pages, ChapterHtml html)
{
    private SiteContext Site => pages.Site;

    /// <summary>Renders an article's pages, the landing page offering the <paramref name="downloads"/> its writers made (those with an alternate title also linked from its head); null when a template reported an error.</summary>
    /// <param name="media">The article's media as <see cref="MediaFiles.Of"/> gives them, when the caller checked them already (before its writers used them).</param>
    public RenderedArticle? Render(ParsedArticle article, DiagnosticBag diagnostics, IReadOnlyList<(DownloadView File, string? AlternateTitle)> downloads, IReadOnlyList<SiteFile>? media = null)
    {
        var errorsBefore = diagnostics.ErrorCount;
        var files = media?.ToList() ?? MediaFiles.Of(article.Content, diagnostics);
        LicenceView? licence = null;
        void Add(PageRequest request) { if (pages.Render(request with { Licence = licence }, diagnostics) is { } page) files.Add(page); }

        // The Arabic abstract (ar/abstract.md) is shown on the landing page; the English and French ones have pages of their own.
        var arabicAbstract = article.Abstracts.FirstOrDefault(a => a.FrontMatter.Lang == "ar");
        var abstracts = article.Abstracts.Where(a => a.FrontMatter.Lang != "ar").ToList();
        var parts = Parts(article, abstracts, arabicAbstract);
        ArticleView ViewIn(string language) => ArticleViews.Create(article.Metadata, Site.Edition, parts, language, pages.Theme.Strings) with { Downloads = downloads.Select(d => d.File).ToList() };
        var view = ViewIn("ar");
        licence = view.LicenceInfo;
        var slug = article.Slug;
        var alternates = Alternates(view);
        var articleUrl = Site.Absolute(view.Href);
        files.Add(SiteFile.Text($"{slug}/cite.bib", CitationFiles.BibTeX(slug, article.Metadata, articleUrl, Site.Edition)));
        files.Add(SiteFile.Text($"{slug}/cite.ris", CitationFiles.Ris(article.Metadata, articleUrl, Site.Edition)));
        files.Add(SiteFile.Text($"{slug}/cite.json", CitationFiles.CslJson(slug, article.Metadata, articleUrl, Site.Edition)));
        var abstractTexts = article.Abstracts.Select(a => (a.FrontMatter.Lang, a.FrontMatter.Title, PlainText(a.Document))).ToList();
        PageDescription Describe(string path) => Description(article, view, abstractTexts, path);
        var searchSummary = Summary(abstractTexts, "ar");

        var landing = new ArticlePageModel(view);
        IReadOnlyList<AlternateFile> otherForms = downloads.Where(d => d.AlternateTitle is not null).Select(d => new AlternateFile(d.File.Href, d.File.MediaType, d.AlternateTitle!)).ToList();
        Add(new PageRequest($"{slug}/index.html", "article.html", "article", "ar", "rtl", view.Title, Site.SiteName, alternates, landing, Describe($"{slug}/index.html")) { AlternateFiles = otherForms, MetaDescription = searchSummary });
        if (!Site.IsJournal)
        {
            Add(new PageRequest("index.html", "article.html", "index", "ar", "rtl", view.Title, Site.SiteName, alternates, landing, Describe("index.html")) { AlternateFiles = otherForms, MetaDescription = searchSummary });
        }

        var chapters = article.Chapters;
        var chapterViews = new List<ChapterView>();
        var citesOtherPages = new bool[chapters.Count];
        for (var i = 0; i < chapters.Count; i++)
        {
            var index = i;
            var body = html.Render(chapters[i], key =>
            {
                citesOtherPages[index] = true;
                return article.Notes.Target(key);
            });
            // The last chapter leads on to the reference list, when there is one.
            var chapterView = new ChapterView(
                chapters[i].FrontMatter.Order, view.Chapters[i].Title, $"chapter-{chapters[i].FrontMatter.Order}", new HtmlFragment(body),
                i > 0 ? view.Chapters[i - 1] : null, i + 1 < chapters.Count ? view.Chapters[i + 1] : view.References)
            {
                // A chapter's own language, as its front matter gives it (an English section of an Arabic article); empty reads as Arabic.
                Lang = chapters[i].FrontMatter.Lang is { Length: > 0 } lang ? lang : "ar",
                Dir = chapters[i].FrontMatter.Dir is { Length: > 0 } dir ? dir : "rtl",
            };
            chapterViews.Add(chapterView);
            Add(new PageRequest($"{slug}/{chapters[i].PageName}", "chapter.html", "chapter", "ar", "rtl", $"{chapterView.Title} — {view.Title}", Site.SiteName,
                alternates, new ChapterPageModel(view, chapterView)) { MetaDescription = searchSummary });
        }

        // The full text shows every chapter's notes on the same page, so every reference is an in-page link.
        // A chapter that cites no note of another chapter reads the same there; only the others are rendered again.
        var fullText = chapters.Select((c, i) => citesOtherPages[i] ? chapterViews[i] with { Body = new HtmlFragment(html.Render(c, article.Notes.InPage)) } : chapterViews[i]).ToList();
        var references = article.References is { } list
            ? new ReferencesView(list.Title, list.Lang, list.Dir, "references", new HtmlFragment(html.Render(list.File, _ => null)), view.Chapters.Count > 0 ? view.Chapters[^1] : null)
            : null;
        Add(new PageRequest($"{slug}/full.html", "fulltext.html", "fulltext", "ar", "rtl", view.Title, Site.SiteName, alternates,
            new FullTextPageModel(view, fullText) { References = references }, Describe($"{slug}/full.html")) { MetaDescription = searchSummary });
        if (references is not null)
        {
            Add(new PageRequest($"{slug}/{Parse.ParsedReferences.PageName}", "references.html", "references", references.Lang, references.Dir,
                $"{references.Title} — {view.Title}", Site.SiteName, alternates, new ReferencesPageModel(view, references)));
        }

        foreach (var summary in abstracts)
        {
            var lang = summary.FrontMatter.Lang;
            var others = view.Abstracts.Where(l => l.Lang != lang).ToList();
            // The article's title in the abstract's language, as article.yml gives it; else the abstract file's own.
            var title = AbstractTitle(article, summary);
            var abstractView = new AbstractView(lang, title, new HtmlFragment(html.Render(summary, _ => null)), others);
            Add(new PageRequest($"{slug}/{lang}/index.html", "abstract.html", "abstract", lang, "ltr", title, Site.Edition.NameIn(lang),
                alternates, new AbstractPageModel(ViewIn(lang), abstractView)) { MetaDescription = Summary(abstractTexts, lang) });
        }

        return diagnostics.ErrorCount > errorsBefore ? null : new RenderedArticle(ArticleViews.Summary(view, article.Metadata), files);
    }

    /// <summary>An abstract page's heading and title: the article's title in the abstract's language when article.yml gives one, else the abstract file's title.</summary>
    public static string AbstractTitle(ParsedArticle article, Parse.ParsedChapter summary) =>
        article.Metadata.Title.TryGetValue(summary.FrontMatter.Lang, out var title) && !string.IsNullOrWhiteSpace(title) ? title.Trim() : summary.FrontMatter.Title;

    private ArticleViews.Parts Parts(ParsedArticle article, IReadOnlyList<Parse.ParsedChapter> abstracts, Parse.ParsedChapter? arabicAbstract)
    {
        var slug = article.Slug;
        var title = article.Metadata.TitleIn("ar");
        var abstractLinks = abstracts.Select(a => new LinkView(a.FrontMatter.Title, $"{slug}/{a.FrontMatter.Lang}/index.html", a.FrontMatter.Lang)).ToList();
        var chapterLinks = article.Chapters.Select(c => new LinkView(string.IsNullOrWhiteSpace(c.FrontMatter.Title) ? title : c.FrontMatter.Title, $"{slug}/{c.PageName}")).ToList();
        var references = article.References is { } list ? new LinkView(list.Title, $"{slug}/{Parse.ParsedReferences.PageName}", list.Lang) : null;
        return new ArticleViews.Parts(slug, chapterLinks, abstractLinks, article.Notes.Count,
            new HtmlFragment(arabicAbstract is null ? string.Empty : html.Render(arabicAbstract, _ => null)), arabicAbstract?.FrontMatter.Title ?? string.Empty, references);
    }

    private PageDescription Description(ParsedArticle article, ArticleView view, IReadOnlyList<(string Lang, string Title, string Text)> abstracts, string pagePath)
    {
        // Without a base URL the addresses are relative to the page, which is all the edition knows.
        var abstractUrls = view.Abstracts.ToDictionary(a => a.Lang, a => Site.Address(pagePath, a.Href), StringComparer.Ordinal);
        // The PDF a writer made (Google Scholar's citation_pdf_url), when one did.
        var pdf = view.Downloads.FirstOrDefault(d => d.MediaType == "application/pdf");
        var tags = ScholarlyMetadata.Tags(article.Metadata, Site.Edition, Site.Absolute(view.Href), abstractUrls, Site.Address(pagePath, view.FullTextHref),
            article.References?.Items.Select(r => r.PlainText).ToList(), pdf is null ? null : Site.Address(pagePath, pdf.Href));
        var jsonLd = ScholarlyMetadata.JsonLd(article.Metadata, Site.Edition, abstracts, Site.Absolute(view.Href));
        return new PageDescription(tags, new RawHtml(jsonLd));
    }

    /// <summary>What search engines show under a page's title: the opening of the abstract in <paramref name="language"/> (else the Arabic one, else the first), its white space collapsed, cut at a word within <see cref="SummaryLength"/> characters; empty without an abstract.</summary>
    internal static string Summary(IReadOnlyList<(string Lang, string Title, string Text)> abstracts, string language)
    {
        var chosen = abstracts.FirstOrDefault(a => a.Lang == language && a.Text.Trim().Length > 0);
        if (chosen.Text is null) chosen = abstracts.FirstOrDefault(a => a.Lang == "ar" && a.Text.Trim().Length > 0);
        if (chosen.Text is null) chosen = abstracts.FirstOrDefault(a => a.Text.Trim().Length > 0);
        if (chosen.Text is null) return string.Empty;
        var text = string.Join(' ', chosen.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= SummaryLength) return text;
        var cut = text.LastIndexOf(' ', SummaryLength - 1);
        if (cut <= SummaryLength / 2) cut = char.IsHighSurrogate(text[SummaryLength - 2]) ? SummaryLength - 2 : SummaryLength - 1; // one long word: cut it, never inside a pair
        return text[..cut].TrimEnd(',', '\u060C', ';', '\u061B', ':') + "…";
    }

    // About what a search result shows (Google cuts near 160 characters).
    private const int SummaryLength = 160;

    private static string PlainText(MarkdownDocument document) =>
        string.Join("\n\n", document.OfType<ParagraphBlock>().Select(p => string.Concat(p.Inline?.Descendants<Markdig.Syntax.Inlines.LiteralInline>().Select(l => l.Content.ToString()) ?? [])));

    private static List<LinkView> Alternates(ArticleView article) =>
        [new LinkView(article.Title, article.Href, "ar"), .. article.Abstracts];
}

using EditionBuilder.Citations;
using EditionBuilder.Content;
using EditionBuilder.Site;

namespace EditionBuilder.Themes;

/// <summary>Builds what templates read of an article, for a page in one language: authors in that script where given, the date in that language, keywords of that language, licence, DOI link, pages.</summary>
public static class ArticleViews
{
    /// <summary>What an article's pages link and show besides its metadata.</summary>
    public sealed record Parts(
        string Slug,
        IReadOnlyList<LinkView> Chapters,
        IReadOnlyList<LinkView> Abstracts,
        int NoteCount,
        HtmlFragment ArabicAbstract,
        string ArabicAbstractTitle,
        LinkView? References = null);

    /// <param name="strings">The theme's interface strings (list separator, quotes, month names).</param>
    public static ArticleView Create(ArticleMetadata metadata, EditionMetadata edition, Parts parts, string language, ThemeStrings strings)
    {
        var slug = parts.Slug;
        var titleLanguage = metadata.TitleLanguage("ar");
        var licence = Citation.LicenceOf(metadata, edition);
        return new ArticleView(
            slug, metadata.TitleIn("ar"), metadata.TitleIn("en"), metadata.TitleIn("fr"), Authors(metadata, language),
            Citation.JournalTitle(metadata, edition, language), metadata.Volume, metadata.Issue, metadata.Date, licence?.Id ?? string.Empty,
            Citation.Format(metadata, language, strings.Get(language, "list_separator"), edition, strings.Get(language, "title_quotes")),
            $"{slug}/index.html", $"{slug}/full.html", parts.Chapters, parts.Abstracts, parts.NoteCount,
            [new LinkView("BibTeX", $"{slug}/cite.bib"), new LinkView("RIS", $"{slug}/cite.ris"), new LinkView("CSL-JSON", $"{slug}/cite.json")])
        {
            Lang = language,
            TitleLang = titleLanguage.Length > 0 ? titleLanguage : "ar",
            TitleDir = titleLanguage is "en" or "fr" ? "ltr" : "rtl",
            Subtitle = metadata.SubtitleIn(language == "ar" ? "ar" : language),
            Doi = metadata.Doi,
            DoiHref = metadata.Doi.Length > 0 ? Citation.DoiUrl(metadata.Doi) : string.Empty,
            Keywords = metadata.KeywordsIn(language),
            Pages = metadata.Pages,
            FirstPage = metadata.FirstPage,
            LastPage = metadata.LastPage,
            Published = DateDisplay.View(metadata.Date, language, strings),
            LicenceInfo = View(licence),
            Abstract = parts.ArabicAbstract,
            References = parts.References,
            AbstractTitle = parts.ArabicAbstractTitle,
            Issns = edition.Issns.ToList(),
            CitationParts = Citation.Parts(metadata, language, strings.Get(language, "list_separator"), edition, strings.Get(language, "title_quotes")),
        };
    }

    /// <summary>What the journal index keeps of an article (in the build cache too).</summary>
    public static ArticleSummary Summary(ArticleView view, ArticleMetadata metadata) =>
        new(view.Slug, view.Title, view.Authors.Select(a => a.Name).ToList(), view.Href)
        {
            Volume = metadata.Volume.Trim(),
            Issue = metadata.Issue.Trim(),
            Date = PublicationDate.Parse(metadata.Date)?.Iso ?? string.Empty,
            FirstPage = metadata.FirstPage,
            Pages = metadata.Pages,
            TitleLang = view.TitleLang,
            TitleDir = view.TitleDir,
        };

    public static LicenceView View(Licence? licence) =>
        licence is null ? LicenceView.None : new LicenceView(licence.Id, licence.ShortName, licence.Name, licence.Url);

    private static List<AuthorView> Authors(ArticleMetadata metadata, string language) =>
        metadata.NamedAuthors.Select(a => new AuthorView(
            a.NameIn(language).Trim(),
            a.Name.LanguageOf(language),
            a.Affiliations.Select(x => x.In(language).Trim()).Where(x => x.Length > 0).ToList(),
            a.Orcid,
            a.OrcidUrl,
            a.Email,
            a.Email.Length > 0 ? "mailto:" + a.Email : string.Empty)).ToList();
}

using EditionBuilder.Content;
using EditionBuilder.Themes;
using EditionBuilder.Writers;

namespace EditionBuilder.Writers;

/// <summary>One article as the journal writers see it: its content (metadata and the names of its files, not its text) and the summary its build made.</summary>
public sealed record JournalEntry(ArticleContent Content, ArticleSummary Summary)
{
    public ArticleMetadata Metadata => Content.Metadata;

    public string Slug => Content.Slug;

    /// <summary>The date, or null when article.yml gives none.</summary>
    public PublicationDate? Date => PublicationDate.Parse(Metadata.Date);

    /// <summary>The languages of the article's abstracts besides Arabic, each with a page of its own (<c>slug/en/index.html</c>).</summary>
    public IReadOnlyList<string> AbstractLanguages =>
        Content.Abstracts.Select(a => Path.GetFileName(Path.GetDirectoryName(a.Path)) ?? string.Empty)
            .Where(l => l is "en" or "fr").Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>The page of the article in a language: its abstract page in English or French when it has one, else its landing page.</summary>
    public string PageIn(string language) => language != "ar" && AbstractLanguages.Contains(language) ? $"{Slug}/{language}/index.html" : Summary.Href;

    /// <summary>The edition's articles paired with their summaries, in content order.</summary>
    public static IReadOnlyList<JournalEntry> Of(EditionWriterInput input) =>
        input.Content.Articles.Zip(input.Articles, (content, summary) => new JournalEntry(content, summary)).ToList();

    /// <summary>The articles that have a date, newest first; those of one date by first page (numbers as numbers), as an issue lists them, then by folder.</summary>
    public static IReadOnlyList<JournalEntry> NewestFirst(IEnumerable<JournalEntry> entries) =>
        entries.Where(e => e.Date is not null)
            .OrderByDescending(e => e.Date!.Value.Iso, StringComparer.Ordinal)
            .ThenBy(e => long.TryParse(e.Metadata.FirstPage, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var page) ? page : long.MaxValue)
            .ThenBy(e => e.Slug, StringComparer.Ordinal)
            .ToList();
}

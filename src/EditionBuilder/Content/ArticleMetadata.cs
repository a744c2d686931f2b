namespace EditionBuilder.Content;

/// <summary>What article.yml says of an article (README, "article.yml"): titles per language, authors, DOI, keywords, the issue and pages, date and licence. Empty means "not given".</summary>
public sealed class ArticleMetadata
{
    public Dictionary<string, string> Title { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Subtitle { get; set; } = new(StringComparer.Ordinal);

    public List<Author> Authors { get; set; } = new();

    /// <summary>The bare DOI (10.1234/abc), checked; links are https://doi.org/….</summary>
    public string Doi { get; set; } = string.Empty;

    public Dictionary<string, List<string>> Keywords { get; set; } = new(StringComparer.Ordinal);

    public string Journal { get; set; } = string.Empty;

    public string Volume { get; set; } = string.Empty;

    public string Issue { get; set; } = string.Empty;

    public string FirstPage { get; set; } = string.Empty;

    public string LastPage { get; set; } = string.Empty;

    /// <summary>YYYY, YYYY-MM or YYYY-MM-DD, checked (see <see cref="PublicationDate"/>).</summary>
    public string Date { get; set; } = string.Empty;

    /// <summary>An SPDX id known to <see cref="Licences"/>, checked.</summary>
    public string Licence { get; set; } = string.Empty;

    /// <summary>The title in a language, falling back to Arabic, then English, then French.</summary>
    public string TitleIn(string language) => In(Title, language);

    /// <summary>The language <see cref="TitleIn"/> falls back to for <paramref name="language"/>; "" when there is no title.</summary>
    public string TitleLanguage(string language) =>
        new[] { language }.Concat(Metadata.Languages).FirstOrDefault(l => Title.TryGetValue(l, out var t) && !string.IsNullOrWhiteSpace(t)) ?? string.Empty;

    /// <summary>The subtitle in a language, falling back like the title; "" when the subtitle is not given.</summary>
    public string SubtitleIn(string language) => In(Subtitle, language);

    /// <summary>The keywords of one language (no fallback: keywords are the language's own words).</summary>
    public IReadOnlyList<string> KeywordsIn(string language) =>
        Keywords.TryGetValue(language, out var words) ? words.Where(w => w.Trim().Length > 0).Select(w => w.Trim()).ToList() : [];

    /// <summary>The authors who have a name.</summary>
    public IEnumerable<Author> NamedAuthors => Authors.Where(a => !a.Name.IsEmpty);

    /// <summary>"12–34", "12" or "".</summary>
    public string Pages => FirstPage.Length > 0 && LastPage.Length > 0 && FirstPage != LastPage ? $"{FirstPage}–{LastPage}" : FirstPage.Length > 0 ? FirstPage : LastPage;

    private static string In(Dictionary<string, string> texts, string language)
    {
        foreach (var lang in new[] { language }.Concat(Metadata.Languages))
        {
            if (texts.TryGetValue(lang, out var t) && !string.IsNullOrWhiteSpace(t)) return t.Trim();
        }

        return string.Empty;
    }
}

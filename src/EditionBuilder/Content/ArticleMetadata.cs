namespace EditionBuilder.Content;

/// <summary>What article.yml says of an article: titles per language, authors and the publication details.</summary>
public sealed class ArticleMetadata
{
    public Dictionary<string, string> Title { get; set; } = new(StringComparer.Ordinal);

    public List<string> Authors { get; set; } = new();

    public string Journal { get; set; } = string.Empty;

    public string Volume { get; set; } = string.Empty;

    public string Issue { get; set; } = string.Empty;

    public string Date { get; set; } = string.Empty;

    public string Licence { get; set; } = string.Empty;

    /// <summary>The title in a language, falling back to Arabic, then English, then French.</summary>
    public string TitleIn(string language)
    {
        foreach (var lang in new[] { language, "ar", "en", "fr" })
        {
            if (Title.TryGetValue(lang, out var t) && !string.IsNullOrWhiteSpace(t)) return t.Trim();
        }

        return string.Empty;
    }
}

using EditionBuilder.Content;

namespace EditionBuilder.Render;

/// <summary>Formats the citation of an article from what article.yml provides, leaving out empty fields.</summary>
public static class Citation
{
    /// <summary>The citation in a language; <paramref name="separator"/> is the theme's list separator of that language ("، " in Arabic).</summary>
    public static string Format(ArticleMetadata metadata, string language, string separator)
    {
        var parts = new List<string>();
        if (metadata.Authors.Count > 0) parts.Add(string.Join(separator, metadata.Authors));
        var title = metadata.TitleIn(language);
        if (title.Length > 0) parts.Add($"«{title}»");
        var journal = metadata.Journal.Trim();
        if (!string.IsNullOrWhiteSpace(metadata.Volume)) journal += $" {metadata.Volume.Trim()}";
        if (!string.IsNullOrWhiteSpace(metadata.Issue)) journal += $" ({metadata.Issue.Trim()})";
        if (journal.Trim().Length > 0) parts.Add(journal.Trim());
        if (!string.IsNullOrWhiteSpace(metadata.Date)) parts.Add(metadata.Date.Trim());
        return parts.Count == 0 ? string.Empty : string.Join(separator, parts) + ".";
    }
}

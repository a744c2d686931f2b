using EditionBuilder.Content;

namespace EditionBuilder.Render;

/// <summary>Formats the citation of an article from what article.yml and edition.yml provide, leaving out empty fields: authors, «title», journal volume (issue), year: pages, DOI link.</summary>
public static class Citation
{
    /// <summary>The citation in a language; <paramref name="separator"/> is the theme's list separator of that language ("، " in Arabic) and <paramref name="titleQuotes"/> its quotes around a title ("«{0}»").</summary>
    public static string Format(ArticleMetadata metadata, string language, string separator, EditionMetadata? edition = null, string titleQuotes = "«{0}»")
    {
        var parts = new List<string>();
        var authors = metadata.NamedAuthors.Select(a => a.NameIn(language).Trim()).Where(n => n.Length > 0).ToList();
        if (authors.Count > 0) parts.Add(string.Join(separator, authors));
        var title = metadata.TitleIn(language);
        if (title.Length > 0) parts.Add(titleQuotes.Replace("{0}", title, StringComparison.Ordinal));
        var journal = JournalTitle(metadata, edition, language);
        if (metadata.Volume.Trim().Length > 0) journal += $" {metadata.Volume.Trim()}";
        if (metadata.Issue.Trim().Length > 0) journal += $" ({metadata.Issue.Trim()})";
        if (journal.Trim().Length > 0) parts.Add(journal.Trim());
        var date = PublicationDate.Parse(metadata.Date) is { } parsed ? parsed.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) : metadata.Date.Trim();
        if (date.Length > 0) parts.Add(date);
        if (parts.Count == 0) return string.Empty;
        var text = string.Join(separator, parts);
        if (metadata.Pages.Length > 0) text += ": " + metadata.Pages;
        text += ".";
        if (metadata.Doi.Length > 0) text += " " + DoiUrl(metadata.Doi);
        return text;
    }

    /// <summary>The journal an article appeared in: article.yml's journal, else the edition's name when edition.yml gives an ISSN (the edition is then a journal).</summary>
    public static string JournalTitle(ArticleMetadata metadata, EditionMetadata? edition, string language = "ar")
    {
        if (metadata.Journal.Trim().Length > 0) return metadata.Journal.Trim();
        return edition is not null && edition.Issns.Any() ? edition.NameIn(language) : string.Empty;
    }

    /// <summary>The licence that applies to an article: its own, else the edition's; null when neither names one.</summary>
    public static Licence? LicenceOf(ArticleMetadata metadata, EditionMetadata? edition) =>
        Licences.Find(metadata.Licence.Length > 0 ? metadata.Licence : edition?.Licence ?? string.Empty);

    /// <summary>https://doi.org/ and the DOI, with the characters a URL cannot hold (#, ?, %, spaces, non-ASCII) percent-encoded.</summary>
    public static string DoiUrl(string doi)
    {
        var url = new System.Text.StringBuilder("https://doi.org/");
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(doi))
        {
            var c = (char)b;
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' || "-._~/:;()".Contains(c)) url.Append(c);
            else url.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return url.ToString();
    }
}

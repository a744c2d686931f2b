using EditionBuilder.Content;

namespace EditionBuilder.Citations;

/// <summary>Formats the citation of an article from what article.yml and edition.yml provide, leaving out empty fields: authors, «title», journal volume (issue), year: pages, DOI link.</summary>
public static class Citation
{
    /// <summary>The citation in a language; <paramref name="separator"/> is the theme's list separator of that language ("، " in Arabic) and <paramref name="titleQuotes"/> its quotes around a title ("«{0}»").</summary>
    public static string Format(ArticleMetadata metadata, string language, string separator, EditionMetadata? edition = null, string titleQuotes = "«{0}»") =>
        string.Concat(Parts(metadata, language, separator, edition, titleQuotes).Select(p => p.Before + p.Text + p.After));

    /// <summary>The citation as parts (each author, the title, the journal with volume and issue, the year, the pages, the DOI) and what follows each, so a page can isolate each part: Arabic names in an English citation must not reorder one another.</summary>
    public static IReadOnlyList<CitationPart> Parts(ArticleMetadata metadata, string language, string separator, EditionMetadata? edition = null, string titleQuotes = "«{0}»")
    {
        var main = new List<string>();
        main.AddRange(metadata.NamedAuthors.Select(a => a.NameIn(language).Trim()).Where(n => n.Length > 0));
        var title = metadata.TitleIn(language);
        var titleAt = title.Length > 0 ? main.Count : -1;
        if (title.Length > 0) main.Add(title);
        var journal = JournalTitle(metadata, edition, language);
        if (metadata.Volume.Trim().Length > 0) journal += $" {metadata.Volume.Trim()}";
        if (metadata.Issue.Trim().Length > 0) journal += $" ({metadata.Issue.Trim()})";
        if (journal.Trim().Length > 0) main.Add(journal.Trim());
        var date = PublicationDate.Parse(metadata.Date) is { } parsed ? parsed.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) : metadata.Date.Trim();
        if (date.Length > 0) main.Add(date);
        if (main.Count == 0) return [];

        var parts = main.Select((text, i) => new CitationPart(text, i + 1 < main.Count ? separator : ".")).ToList();
        if (titleAt >= 0)
        {
            // The quotes are the page's language's, outside the title's isolate: an Arabic title in an English citation is
            // isolated right to left, and quotes inside it would face the wrong way.
            var (opening, closing) = titleQuotes.IndexOf("{0}", StringComparison.Ordinal) is var at and >= 0 ? (titleQuotes[..at], titleQuotes[(at + 3)..]) : (string.Empty, string.Empty);
            parts[titleAt] = parts[titleAt] with { Before = opening, After = closing + parts[titleAt].After };
        }

        if (metadata.Pages.Length > 0)
        {
            parts[^1] = parts[^1] with { After = ": " };
            parts.Add(new CitationPart(metadata.Pages, "."));
        }

        if (metadata.Doi.Length > 0)
        {
            parts[^1] = parts[^1] with { After = parts[^1].After + " " };
            parts.Add(new CitationPart(DoiUrl(metadata.Doi), string.Empty));
        }

        return parts;
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

/// <summary>A part of a citation and the punctuation after it (and before it: a title's opening quote), which a page sets outside the part's isolate.</summary>
public sealed record CitationPart(string Text, string After)
{
    /// <summary>What comes before the part: the opening quote of a title, else nothing.</summary>
    public string Before { get; init; } = string.Empty;
}

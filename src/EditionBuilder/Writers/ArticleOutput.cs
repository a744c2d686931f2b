using EditionBuilder.Site;

namespace EditionBuilder.Writers;

/// <summary>What an article writer made: its files, the downloads among them, and for the writer of the article's pages the article's entry in the journal's index.</summary>
public sealed record ArticleOutput(IReadOnlyList<SiteFile> Files, IReadOnlyList<ArticleDownload> Downloads)
{
    /// <summary>The article's entry in the journal's index and feeds, made with its landing page; null from writers that make no page.</summary>
    public Themes.ArticleSummary? Summary { get; init; }

    /// <summary>One file offered as a download (a book, an XML file, a PDF); null when the writer reported an error and made none.</summary>
    public static ArticleOutput? Download(SiteFile? file, string writer, string mediaType, string? alternateTitle) =>
        file is null ? null : new ArticleOutput([file], [new ArticleDownload(writer, file.Path, mediaType, file.Bytes.Length, alternateTitle)]);
}

/// <summary>A file a landing page offers: the writer that made it (its link text is the theme string <c>{Writer}_download</c>), its path in the site, its media type and size, and the title of a <c>&lt;link rel="alternate"&gt;</c> to it in the page's head ("JATS"), or null for none.</summary>
public sealed record ArticleDownload(string Writer, string Path, string MediaType, long Bytes, string? AlternateTitle);

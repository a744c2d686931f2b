using EditionBuilder.Parse;
using EditionBuilder.Site;

namespace EditionBuilder.Writers;

/// <summary>What an article writer reads: the parsed article, its media files (already checked by the image rule), and the downloads the writers registered before it made (the landing page lists them with their sizes).</summary>
public sealed record ArticleWriterInput(ParsedArticle Article, IReadOnlyList<SiteFile> Media, IReadOnlyList<ArticleDownload> Downloads);

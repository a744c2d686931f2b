using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Parse;
using EditionBuilder.Site;

namespace EditionBuilder.Writers;

/// <summary>An output made from one parsed article beside its pages (EPUB, JATS, PDF…): one folder and one line in <see cref="WriterRegistry"/>.</summary>
public interface IArticleWriter
{
    /// <summary>The writer's name: its option is <c>--no-{Name}</c>, its stage line is named so, and the landing page's link text is the theme string <c>{Name}_download</c>.</summary>
    string Name { get; }

    /// <summary>The media type of the file, for the landing page's link (<c>type="…"</c>).</summary>
    string MediaType { get; }

    /// <summary>The title of a <c>&lt;link rel="alternate"&gt;</c> to the file in the head of the article's landing page ("JATS"), or null for none.</summary>
    string? AlternateTitle { get; }

    /// <summary>What the file depends on besides the article's own files and the theme (a date, a tool's version): part of the article's cache key.</summary>
    string CacheContext(ArticleMetadata metadata);

    /// <summary>The article's file, in the article's folder of the site; null when it reported an error.</summary>
    SiteFile? Write(ParsedArticle article, DiagnosticBag diagnostics);
}

using EditionBuilder.Content;
using EditionBuilder.Diagnostics;

namespace EditionBuilder.Writers;

/// <summary>An output made from one parsed article (its pages, the EPUB, the JATS file, the PDF…): one folder and one line in <see cref="Pipeline.WriterRegistry"/>.</summary>
public interface IArticleWriter
{
    /// <summary>The writer's name: its option is <c>--no-{Name}</c> (unless the registry says it cannot be left out), its stage line is named so, and the landing page's link text for its download is the theme string <c>{Name}_download</c>.</summary>
    string Name { get; }

    /// <summary>What its files depend on besides the article's own files and the theme (a date, a tool's version): part of the article's cache key.</summary>
    string CacheContext(ArticleMetadata metadata);

    /// <summary>The article's files in the site, and the downloads among them that a landing page offers; null when it reported an error.</summary>
    ArticleOutput? Write(ArticleWriterInput input, DiagnosticBag diagnostics);
}

using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Markdown;
using EditionBuilder.Model;

namespace EditionBuilder.Import;

/// <summary>Reads a content folder (<see cref="ContentReader"/>) or a single source file into <see cref="EditionContent"/>, importing the Word exports of article folders that hold only their source on the way.</summary>
public static class ContentFolder
{
    /// <summary>Reads a content folder, importing article folders that hold only their source; null when an error was reported. With <paramref name="deferText"/>, Markdown chapters are only named, and read by <see cref="WithText"/> when their article is built, so a journal's text is never all in memory at once.</summary>
    /// <param name="memo">What earlier builds read in article.yml files that have not changed since; none by default.</param>
    public static EditionContent? Read(string folder, DiagnosticBag diagnostics, bool deferText = false, System.Text.Encoding? encoding = null, IMetadataMemo? memo = null) =>
        ContentReader.Read(folder, diagnostics, Sources, deferText, encoding, memo);

    /// <summary>Reads a lone Word export as a one-article edition.</summary>
    public static EditionContent? ReadSource(string sourcePath, DiagnosticBag diagnostics, System.Text.Encoding? encoding = null)
    {
        var article = SourceReader.Read(sourcePath, File.ReadAllBytes(sourcePath), diagnostics, encoding);
        if (article is null) return null;
        var metadata = ArticleMarkdown.MetadataFrom(article);
        if (metadata.TitleIn("ar").Length == 0)
        {
            // Without a title every page's <title> and heading would be empty: a lone source has no article.yml to give one.
            var where = sourcePath.EndsWith(".docx", StringComparison.OrdinalIgnoreCase)
                ? "as the document's first paragraph, in Word's Title style"
                : "on the first line, before the first section";
            diagnostics.Error(DiagnosticCodes.MetadataMissingTitle, sourcePath, 1, 1,
                $"the source gives the article no title in any language: put the title {where}, or import it into a content folder (edition import) and give title.ar in its article.yml");
            return null;
        }

        if (metadata.TitleLanguage("ar") != "ar")
        {
            diagnostics.Warning(DiagnosticCodes.NoArabicTitle, sourcePath, 0, 0,
                "the source gives no Arabic title (a title line before the first section): the Arabic pages show the abstracts' title, marked as "
                + $"{(metadata.TitleLanguage("ar") == "fr" ? "French" : "English")}; put the Arabic title on the first line, or build a content folder whose article.yml gives title.ar");
        }

        var slug = ArticleMarkdown.SlugFor(article, sourcePath);
        return new EditionContent(new EditionMetadata(), [FromArticle(slug, sourcePath, metadata, article)]);
    }

    /// <summary>Reads one article folder of a content folder (as <see cref="Read"/> does for each); null when it is no article or an error was reported. Nothing is read outside <paramref name="root"/> (the content folder, by default the article folder's parent).</summary>
    public static ArticleContent? ReadArticleFolder(string folder, DiagnosticBag diagnostics, bool deferText = false, string? root = null, System.Text.Encoding? encoding = null, IMetadataMemo? memo = null) =>
        ContentReader.ReadArticleFolder(folder, diagnostics, Sources, deferText, root, encoding, memo);

    /// <summary>The article with its Markdown files read, or its source imported (itself when they already are); null when the source no longer imports (the errors are in <paramref name="diagnostics"/>).</summary>
    public static ArticleContent? WithText(ArticleContent article, DiagnosticBag diagnostics)
    {
        if (!article.TextDeferred) return article;
        if (article.Source is { } source)
        {
            // Imported when the walk found the folder as an earlier build left it, and the article was not in the cache after all.
            var imported = SourceReader.Read(source, File.ReadAllBytes(source), diagnostics, article.SourceEncoding);
            return imported is null ? null : FromArticle(article.Slug, article.MetadataPath, article.Metadata, imported) with
            {
                FolderStamp = article.FolderStamp, Source = source, SourceEncoding = article.SourceEncoding,
            };
        }

        return ContentReader.WithText(article, diagnostics);
    }

    private static readonly SourceImport Sources = new();

    // The import a content folder's reading hands an article folder that holds only its source.
    private sealed class SourceImport : ISourceImport
    {
        public bool IsSource(string path) => SourceReader.IsSource(path);

        public ArticleContent? Import(string slug, string metadataPath, ArticleMetadata metadata, string source, System.Text.Encoding? encoding, DiagnosticBag diagnostics)
        {
            var article = SourceReader.Read(source, File.ReadAllBytes(source), diagnostics, encoding);
            if (article is null) return null;

            // What the source says fills what article.yml leaves empty; what the publisher set is kept.
            MetadataMerge.Fill(metadata, ArticleMarkdown.MetadataFrom(article));
            return FromArticle(slug, metadataPath, metadata, article);
        }
    }

    private static ArticleContent FromArticle(string slug, string sourcePath, ArticleMetadata metadata, Article article)
    {
        // The same Markdown an import writes, kept in memory: rendering always reads the chapter format.
        var folder = Path.GetDirectoryName(sourcePath) ?? ".";
        var chapters = article.Chapters.Select(c => new MarkdownFile(Path.Combine(folder, "ar", c.Slug + ".md"), ChapterWriter.Write(c))).ToList();
        var abstracts = ArticleMarkdown.Abstracts(article)
            .Select(a => new MarkdownFile(Path.Combine(folder, a.Language, ContentReader.AbstractFile), ChapterWriter.Write(a))).ToList();
        var media = article.Media.Select(m => new ArticleMedia(m.Path, null, m.Bytes)).ToList();
        // The source's reference list, as `edition import` would write it beside the chapters.
        var references = article.References is { } list ? new MarkdownFile(Path.Combine(folder, "ar", ContentReader.ReferencesFile), ReferenceListWriter.Write(list)) : null;
        return new ArticleContent(slug, sourcePath, metadata, chapters, abstracts) { Media = media, References = references };
    }
}

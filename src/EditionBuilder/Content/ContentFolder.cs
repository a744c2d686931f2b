using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Markdown;
using EditionBuilder.Model;

namespace EditionBuilder.Content;

/// <summary>Reads a content folder (DESIGN.md, "The content folder") or a single source file into <see cref="EditionContent"/>, importing Word exports on the way.</summary>
public static class ContentFolder
{
    public const string EditionFile = "edition.yml";
    public const string ArticleFile = "article.yml";

    /// <summary>Reads a content folder; null when an error was reported. With <paramref name="deferText"/>, Markdown chapters are only named, and read by <see cref="WithText"/> when their article is built, so a journal's text is never all in memory at once.</summary>
    public static EditionContent? Read(string folder, DiagnosticBag diagnostics, bool deferText = false)
    {
        if (!Directory.Exists(folder))
        {
            diagnostics.Error(DiagnosticCodes.ContentMissing, folder, 0, 0, "the content folder does not exist");
            return null;
        }

        var editionPath = Path.Combine(folder, EditionFile);
        var edition = File.Exists(editionPath)
            ? MetadataYaml.Read<EditionMetadata>(editionPath, File.ReadAllText(editionPath), diagnostics)
            : new EditionMetadata();

        // Articles are read in parallel (a journal's metadata is most of an import) and kept in folder-name order.
        var folders = Directory.EnumerateDirectories(folder).Where(f => !Path.GetFileName(f).StartsWith('.')).Order(StringComparer.Ordinal).ToList();
        var read = new ArticleContent?[folders.Count];
        Parallel.For(0, folders.Count, i => read[i] = ReadArticleFolder(folders[i], diagnostics, deferText));
        var articles = read.OfType<ArticleContent>().ToList();

        if (articles.Count == 0 && !diagnostics.HasErrors)
        {
            diagnostics.Error(DiagnosticCodes.ContentMissing, folder, 0, 0,
                "the content folder holds no article (a folder with source/<name>.txt or ar/NN-<slug>.md)");
        }

        return diagnostics.HasErrors || edition is null ? null : new EditionContent(edition, articles);
    }

    /// <summary>Reads a lone Word export as a one-article edition.</summary>
    public static EditionContent? ReadSource(string sourcePath, DiagnosticBag diagnostics)
    {
        var article = SourceReader.Read(sourcePath, File.ReadAllBytes(sourcePath), diagnostics);
        if (article is null) return null;
        var metadata = ArticleMarkdown.MetadataFrom(article);
        var slug = ArticleMarkdown.SlugFor(article, sourcePath);
        return new EditionContent(new EditionMetadata(), [FromArticle(slug, sourcePath, metadata, article)]);
    }

    /// <summary>Reads one article folder of a content folder (as <see cref="Read"/> does for each); null when it is no article or an error was reported.</summary>
    public static ArticleContent? ReadArticleFolder(string folder, DiagnosticBag diagnostics, bool deferText = false) =>
        ReadArticle(folder, diagnostics, deferText) is { } article ? RequireTitle(article, diagnostics) : null;

    /// <summary>The article with its Markdown files read (itself when they already are).</summary>
    public static ArticleContent WithText(ArticleContent article) =>
        !article.TextDeferred ? article : article with
        {
            Chapters = article.Chapters.Select(f => ReadMarkdown(f.Path)).ToList(),
            Abstracts = article.Abstracts.Select(f => ReadMarkdown(f.Path)).ToList(),
            TextDeferred = false,
        };

    private static ArticleContent? ReadArticle(string folder, DiagnosticBag diagnostics, bool deferText)
    {
        var slug = Path.GetFileName(folder);
        var metadataPath = Path.Combine(folder, ArticleFile);
        var metadata = File.Exists(metadataPath)
            ? MetadataYaml.Read<ArticleMetadata>(metadataPath, File.ReadAllText(metadataPath), diagnostics)
            : new ArticleMetadata();
        if (metadata is null) return null;

        var chapterFolder = Path.Combine(folder, "ar");
        if (Directory.Exists(chapterFolder) && Directory.EnumerateFiles(chapterFolder, "*.md").Any())
        {
            var read = deferText ? (Func<string, MarkdownFile>)(path => new MarkdownFile(path, string.Empty)) : ReadMarkdown;
            var chapters = Directory.EnumerateFiles(chapterFolder, "*.md").Order(StringComparer.Ordinal).Select(read).ToList();
            var abstracts = new[] { "en", "fr" }
                .Select(lang => Path.Combine(folder, lang, "abstract.md"))
                .Where(File.Exists)
                .Select(read)
                .ToList();
            return new ArticleContent(slug, metadataPath, metadata, chapters, abstracts) { TextDeferred = deferText, Media = ReadMedia(chapterFolder) };
        }

        var sourceFolder = Path.Combine(folder, "source");
        var sources = Directory.Exists(sourceFolder) ? Directory.EnumerateFiles(sourceFolder).Where(SourceReader.IsSource).Order(StringComparer.Ordinal).ToList() : [];
        if (sources.Count == 0)
        {
            if (!File.Exists(metadataPath)) return null; // not an article folder
            var others = Directory.Exists(sourceFolder) ? Directory.EnumerateFiles(sourceFolder).Select(Path.GetFileName).Where(n => !n!.StartsWith('.')).Order(StringComparer.Ordinal).ToList() : [];
            diagnostics.Error(DiagnosticCodes.ContentMissing, folder, 0, 0, "this article folder has neither source/<name>.txt or source/<name>.docx nor ar/*.md"
                + (others.Count > 0 ? $" (source/ holds {string.Join(", ", others)})" : string.Empty));
            return null;
        }

        if (sources.Count > 1)
        {
            diagnostics.Error(DiagnosticCodes.ContentMissing, sourceFolder, 0, 0, "an article folder holds one source file; found " + sources.Count);
            return null;
        }

        var article = SourceReader.Read(sources[0], File.ReadAllBytes(sources[0]), diagnostics);
        if (article is null) return null;
        foreach (var (language, title) in ArticleMarkdown.MetadataFrom(article).Title.Where(t => t.Value.Length > 0))
        {
            metadata.Title.TryAdd(language, title);
            if (metadata.Title[language].Length == 0) metadata.Title[language] = title;
        }

        if (metadata.Authors.Count == 0) metadata.Authors.AddRange(article.Front.Authors);

        return FromArticle(slug, metadataPath, metadata, article);
    }

    private static ArticleContent? RequireTitle(ArticleContent article, DiagnosticBag diagnostics)
    {
        if (article.Metadata.TitleIn("ar").Length > 0) return article;
        diagnostics.Error(DiagnosticCodes.MetadataMissingTitle, article.MetadataPath, 1, 1,
            "the article has no title: give title.ar (or en/fr) in article.yml, or abstracts with titles in the source");
        return null;
    }

    private static ArticleContent FromArticle(string slug, string sourcePath, ArticleMetadata metadata, Article article)
    {
        // The same Markdown an import writes, kept in memory: rendering always reads the chapter format.
        var folder = Path.GetDirectoryName(sourcePath) ?? ".";
        var chapters = article.Chapters.Select(c => new MarkdownFile(Path.Combine(folder, "ar", c.Slug + ".md"), ChapterWriter.Write(c))).ToList();
        var abstracts = article.Abstracts.OrderBy(a => a.Language, StringComparer.Ordinal)
            .Select(a => new MarkdownFile(Path.Combine(folder, a.Language, "abstract.md"), ChapterWriter.Write(a))).ToList();
        var media = article.Media.Select(m => new ArticleMedia(m.Path, null, m.Bytes)).ToList();
        return new ArticleContent(slug, sourcePath, metadata, chapters, abstracts) { Media = media };
    }

    // Every regular file under ar/media/ (dot files and editor leftovers aside), by its path in the article's site folder.
    private static List<ArticleMedia> ReadMedia(string chapterFolder)
    {
        var folder = Path.Combine(chapterFolder, "media");
        if (!Directory.Exists(folder)) return [];
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(folder, f).Split(Path.DirectorySeparatorChar).Any(p => p.StartsWith('.') || p.StartsWith("~$", StringComparison.Ordinal) || p.EndsWith('~')))
            .Select(f => new ArticleMedia("media/" + Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'), f, null))
            .OrderBy(m => m.Path, StringComparer.Ordinal)
            .ToList();
    }

    private static MarkdownFile ReadMarkdown(string path) => new(path, File.ReadAllText(path));
}

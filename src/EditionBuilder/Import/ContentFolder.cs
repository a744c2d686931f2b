using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Files;
using EditionBuilder.Markdown;
using EditionBuilder.Model;

namespace EditionBuilder.Import;

/// <summary>Reads a content folder (docs/design.md, "The content folder") or a single source file into <see cref="EditionContent"/>, importing Word exports on the way.</summary>
public static class ContentFolder
{
    public const string EditionFile = "edition.yml";
    public const string ArticleFile = "article.yml";

    /// <summary>An abstract's file in its language's folder (ar/abstract.md beside the chapters, en/…, fr/…).</summary>
    public const string AbstractFile = "abstract.md";

    /// <summary>An article's reference list beside its chapters (ar/references.md; docs/markdown-format.md, "References").</summary>
    public const string ReferencesFile = "references.md";

    /// <summary>Reads a content folder; null when an error was reported. With <paramref name="deferText"/>, Markdown chapters are only named, and read by <see cref="WithText"/> when their article is built, so a journal's text is never all in memory at once.</summary>
    /// <param name="memo">What earlier builds read in article.yml files that have not changed since; none by default.</param>
    public static EditionContent? Read(string folder, DiagnosticBag diagnostics, bool deferText = false, System.Text.Encoding? encoding = null, IMetadataMemo? memo = null)
    {
        if (!Directory.Exists(folder))
        {
            diagnostics.Error(DiagnosticCodes.ContentMissing, folder, 0, 0, "the content folder does not exist");
            return null;
        }

        var root = SafeFiles.RealFolder(folder);
        var editionPath = Path.Combine(folder, EditionFile);
        var edition = SafeFiles.Classify(editionPath, root, diagnostics) == FileType.Regular
            ? MetadataYaml.ReadFile<EditionMetadata>(editionPath, diagnostics)
            : new EditionMetadata();
        var logo = edition is null ? null : EditionLook.Check(folder, root, editionPath, edition, diagnostics);

        // Articles are read in parallel (a journal's metadata is most of an import) and kept in folder-name order.
        var folders = SafeFiles.Paths(folder, diagnostics)
            .Where(f => !Path.GetFileName(f).StartsWith('.') && Path.GetFileName(f) != ThemeFolderName && !SafeFiles.IsEditorFile(Path.GetFileName(f)))
            .Order(StringComparer.Ordinal)
            .Where(f => SafeFiles.Classify(f, root, diagnostics) == FileType.Directory && IsArticleName(f, diagnostics))
            .ToList();
        var read = new ArticleContent?[folders.Count];
        Parallel.For(0, folders.Count, i => read[i] = ReadArticleFolder(folders[i], diagnostics, deferText, root, encoding, memo));
        var articles = read.OfType<ArticleContent>().ToList();

        if (articles.Count == 0 && !diagnostics.HasErrors)
        {
            diagnostics.Error(DiagnosticCodes.ContentMissing, folder, 0, 0,
                "the content folder holds no article (a folder with source/<name>.docx, source/<name>.txt or ar/NN-<slug>.md)");
        }

        return diagnostics.HasErrors || edition is null ? null : new EditionContent(edition, articles) { Logo = logo };
    }

    /// <summary>The content folder's own theme folder, which is no article.</summary>
    public const string ThemeFolderName = "theme";

    // Names the site's own root files and folders use: an article folder so named would overwrite them.
    private static readonly HashSet<string> ReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "assets", "index.html", "404.html", "robots.txt", "sitemap.xml", "search.html", "pagefind", "media",
    };

    private static bool IsArticleName(string folder, DiagnosticBag diagnostics)
    {
        var name = Path.GetFileName(folder);
        if (!ReservedNames.Contains(name)) return true;
        // A folder that is no article (media/ or assets/ holding the logo) is never published, so it takes nothing's name.
        if (!new[] { ArticleFile, "ar", "source" }.Any(entry => Path.Exists(Path.Combine(folder, entry)))) return false;
        diagnostics.Error(DiagnosticCodes.ArticleFolderReserved, folder, 0, 0,
            $"an article folder cannot be named '{name}': the site's own {name} would be overwritten; rename the folder");
        return false;
    }

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
        ReadArticle(folder, diagnostics, deferText, root ?? SafeFiles.RealFolder(Path.GetDirectoryName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar))!), encoding, memo) is { } article
            ? RequireTitle(article, diagnostics)
            : null;

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

        return article with
        {
            Chapters = article.Chapters.Select(f => ReadMarkdown(f.Path, diagnostics)).ToList(),
            Abstracts = article.Abstracts.Select(f => ReadMarkdown(f.Path, diagnostics)).ToList(),
            References = article.References is { } references ? ReadMarkdown(references.Path, diagnostics) : null,
            TextDeferred = false,
        };
    }

    private static ArticleContent? ReadArticle(string folder, DiagnosticBag diagnostics, bool deferText, string root, System.Text.Encoding? encoding, IMetadataMemo? memo)
    {
        var slug = Path.GetFileName(folder);
        var entries = SafeFiles.Enumerate(folder, diagnostics, boundary: root);
        var files = entries.ToDictionary(f => f.Relative, f => f.Full, StringComparer.Ordinal);
        var metadataPath = Path.Combine(folder, ArticleFile);
        var hasMetadata = files.ContainsKey(ArticleFile);
        var metadata = hasMetadata
            ? ReadMetadata(metadataPath, entries.First(e => e.Relative == ArticleFile).Stat, diagnostics, memo)
            : new ArticleMetadata();
        if (metadata is null) return null;

        var chapterFiles = files.Where(f => IsIn(f.Key, "ar", ".md") && f.Key != $"ar/{AbstractFile}" && f.Key != $"ar/{ReferencesFile}").Select(f => f.Value).ToList();
        if (chapterFiles.Count > 0)
        {
            var read = deferText ? (Func<string, MarkdownFile>)(path => new MarkdownFile(path, string.Empty)) : path => ReadMarkdown(path, diagnostics);
            var chapters = chapterFiles.Select(read).ToList();
            var abstracts = Metadata.Languages
                .Select(lang => files.GetValueOrDefault($"{lang}/{AbstractFile}"))
                .OfType<string>()
                .Select(read)
                .ToList();
            var media = files.Where(f => f.Key.StartsWith(MediaFolder, StringComparison.Ordinal))
                .Select(f => new ArticleMedia(f.Key["ar/".Length..], f.Value, null))
                .OrderBy(m => m.Path, StringComparer.Ordinal)
                .ToList();
            var references = files.GetValueOrDefault($"ar/{ReferencesFile}") is { } referencesPath ? read(referencesPath) : null;
            return new ArticleContent(slug, metadataPath, metadata, chapters, abstracts)
            {
                TextDeferred = deferText, Media = media, FolderStamp = StampOf(entries), References = references,
            };
        }

        var sources = files.Where(f => IsIn(f.Key, "source", string.Empty) && SourceReader.IsSource(f.Value)).Select(f => f.Value).ToList();
        if (sources.Count == 0)
        {
            if (!hasMetadata) return null; // not an article folder
            var others = files.Keys.Where(k => IsIn(k, "source", string.Empty)).Select(k => k["source/".Length..]).Order(StringComparer.Ordinal).ToList();
            diagnostics.Error(DiagnosticCodes.ContentMissing, folder, 0, 0, "this article folder has neither source/<name>.docx or source/<name>.txt nor ar/*.md"
                + (others.Count > 0 ? $" (source/ holds {string.Join(", ", others)})" : string.Empty));
            return null;
        }

        if (sources.Count > 1)
        {
            diagnostics.Error(DiagnosticCodes.ContentMissing, Path.Combine(folder, "source"), 0, 0, "an article folder holds one source file; found " + sources.Count);
            return null;
        }

        if (files.GetValueOrDefault($"ar/{ReferencesFile}") is { } unread)
        {
            // Without chapters the article is its source, imported on every build: a reference list written beside it would be silently unused.
            diagnostics.Warning(DiagnosticCodes.ReferencesBesideSource, unread, 0, 0,
                $"this reference list is not read: the article has no Markdown chapters, so it is imported from {Path.GetFileName(sources[0])} on every build; run `edition import` to write its chapters beside it, or delete the file");
        }

        // A journal of Word documents would import every one of them on every build: a folder as an earlier build found it (the
        // same stamps, the same --encoding) is only named, with what that import gave, and imported again only if its article
        // is not in the cache (ContentFolder.WithText).
        var stamp = encoding is null ? StampOf(entries) : StampOf(entries) + "\0" + encoding.WebName;
        if (deferText && memo?.RecallImport(folder, stamp) is { } known)
        {
            string Named(string language, string name) => Path.Combine(folder, language, name);
            return new ArticleContent(slug, metadataPath, known.Metadata,
                known.Chapters.Select(c => new MarkdownFile(Named("ar", c + ".md"), string.Empty)).ToList(),
                known.Abstracts.Select(l => new MarkdownFile(Named(l, AbstractFile), string.Empty)).ToList())
            {
                TextDeferred = true, FolderStamp = stamp, Source = sources[0], SourceEncoding = encoding,
            };
        }

        // Reported as usual (with the count of warnings beyond the first hundred of a code), and kept apart to tell whether there were any.
        var own = new DiagnosticBag(diagnostics);
        var article = SourceReader.Read(sources[0], File.ReadAllBytes(sources[0]), own, encoding);
        if (article is null) return null;

        // What the source says fills what article.yml leaves empty; what the publisher set is kept.
        MetadataMerge.Fill(metadata, ArticleMarkdown.MetadataFrom(article));
        var content = FromArticle(slug, metadataPath, metadata, article) with { FolderStamp = stamp, Source = sources[0], SourceEncoding = encoding };
        // An import that gave any diagnostic is never remembered, so its warnings come on every build.
        if (memo is not null && own.Items.Count == 0)
        {
            memo.RememberImport(folder, stamp, new ImportMemo(metadata,
                content.Chapters.Select(c => Path.GetFileNameWithoutExtension(c.Path)).ToList(),
                content.Abstracts.Select(a => Path.GetFileName(Path.GetDirectoryName(a.Path)!)).ToList()));
        }

        return content;
    }

    // article.yml, parsed unless the memo knows the file as it is; a file that gave no diagnostic is remembered.
    private static ArticleMetadata? ReadMetadata(string path, PathStat stat, DiagnosticBag diagnostics, IMetadataMemo? memo)
    {
        if (memo is null) return MetadataYaml.ReadFile<ArticleMetadata>(path, diagnostics);
        if (memo.Recall(path, stat) is { } known) return known;
        var own = new DiagnosticBag();
        var metadata = MetadataYaml.ReadFile<ArticleMetadata>(path, own);
        diagnostics.AddRange(own.Items);
        if (metadata is not null && own.Items.Count == 0) memo.Remember(path, stat, metadata);
        return metadata;
    }

    // The digest of a folder's files as listed (ArticleContent.FolderStamp).
    private static string StampOf(IReadOnlyList<SafeFiles.Entry> entries)
    {
        // Each file as its relative path (so a moved content folder keeps its cache) and four numbers, hashed in one go.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(entries.Count * 96);
        foreach (var entry in entries)
        {
            var span = buffer.GetSpan((entry.Relative.Length * 3) + 40);
            var written = System.Text.Encoding.UTF8.GetBytes(entry.Relative, span);
            span[written++] = 0;
            BitConverter.TryWriteBytes(span[written..], entry.Stat.Length);
            BitConverter.TryWriteBytes(span[(written + 8)..], entry.Stat.ModifiedNs);
            BitConverter.TryWriteBytes(span[(written + 16)..], entry.Stat.ChangedNs);
            BitConverter.TryWriteBytes(span[(written + 24)..], entry.Stat.Inode);
            buffer.Advance(written + 32);
        }

        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(buffer.WrittenSpan));
    }

    // A file directly in a subfolder of the article, with the given extension ("ar/01-x.md").
    private static bool IsIn(string relative, string subfolder, string extension) =>
        relative.StartsWith(subfolder + "/", StringComparison.Ordinal) && relative.IndexOf('/', subfolder.Length + 1) < 0
        && relative.EndsWith(extension, StringComparison.Ordinal);

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
        var abstracts = ArticleMarkdown.Abstracts(article)
            .Select(a => new MarkdownFile(Path.Combine(folder, a.Language, AbstractFile), ChapterWriter.Write(a))).ToList();
        var media = article.Media.Select(m => new ArticleMedia(m.Path, null, m.Bytes)).ToList();
        // The source's reference list, as `edition import` would write it beside the chapters.
        var references = article.References is { } list ? new MarkdownFile(Path.Combine(folder, "ar", ReferencesFile), ReferenceListWriter.Write(list)) : null;
        return new ArticleContent(slug, sourcePath, metadata, chapters, abstracts) { Media = media, References = references };
    }

    // The images of hand-written (or imported) chapters: every file under ar/media/.
    private const string MediaFolder = "ar/media/";

    // An invalid byte is an error at its place (EB0003), as in an imported source, rather than a U+FFFD nobody sees until the page.
    private static MarkdownFile ReadMarkdown(string path, DiagnosticBag diagnostics) => new(path, Utf8Text.Read(path, diagnostics));
}

using EditionBuilder.Diagnostics;
using EditionBuilder.Files;

namespace EditionBuilder.Content;

/// <summary>Reads a content folder (docs/design.md, "The content folder") into <see cref="EditionContent"/>: edition.yml, and each article folder's article.yml and Markdown files. An article folder that holds only its source is handed to an <see cref="ISourceImport"/>, so reading imports nothing itself.</summary>
public static class ContentReader
{
    public const string EditionFile = "edition.yml";
    public const string ArticleFile = "article.yml";

    /// <summary>An abstract's file in its language's folder (ar/abstract.md beside the chapters, en/…, fr/…).</summary>
    public const string AbstractFile = "abstract.md";

    /// <summary>An article's reference list beside its chapters (ar/references.md; docs/markdown-format.md, "References").</summary>
    public const string ReferencesFile = "references.md";

    /// <summary>Reads a content folder; null when an error was reported. With <paramref name="deferText"/>, Markdown chapters are only named, and read by <see cref="WithText"/> when their article is built, so a journal's text is never all in memory at once.</summary>
    /// <param name="memo">What earlier builds read in article.yml files that have not changed since; none by default.</param>
    /// <param name="sources">What imports an article folder that holds only its source.</param>
    public static EditionContent? Read(string folder, DiagnosticBag diagnostics, ISourceImport sources, bool deferText = false, System.Text.Encoding? encoding = null, IMetadataMemo? memo = null)
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
        Parallel.For(0, folders.Count, i => read[i] = ReadArticleFolder(folders[i], diagnostics, sources, deferText, root, encoding, memo));
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
        "assets", "index.html", "404.html", "robots.txt", "sitemap.xml", "search.html", "search", "pagefind", "media",
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

    /// <summary>Reads one article folder of a content folder (as <see cref="Read"/> does for each); null when it is no article or an error was reported. Nothing is read outside <paramref name="root"/> (the content folder, by default the article folder's parent).</summary>
    public static ArticleContent? ReadArticleFolder(string folder, DiagnosticBag diagnostics, ISourceImport sources, bool deferText = false, string? root = null, System.Text.Encoding? encoding = null, IMetadataMemo? memo = null) =>
        ReadArticle(folder, diagnostics, sources, deferText, root ?? SafeFiles.RealFolder(Path.GetDirectoryName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar))!), encoding, memo) is { } article
            ? RequireTitle(article, diagnostics)
            : null;

    /// <summary>The article with its Markdown files read (itself when they already are). An article named from its source (<see cref="ArticleContent.Source"/>) is imported again instead, by the import stage.</summary>
    public static ArticleContent WithText(ArticleContent article, DiagnosticBag diagnostics)
    {
        if (!article.TextDeferred) return article;
        return article with
        {
            Chapters = article.Chapters.Select(f => ReadMarkdown(f.Path, diagnostics)).ToList(),
            Abstracts = article.Abstracts.Select(f => ReadMarkdown(f.Path, diagnostics)).ToList(),
            References = article.References is { } references ? ReadMarkdown(references.Path, diagnostics) : null,
            TextDeferred = false,
        };
    }

    private static ArticleContent? ReadArticle(string folder, DiagnosticBag diagnostics, ISourceImport sources, bool deferText, string root, System.Text.Encoding? encoding, IMetadataMemo? memo)
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

        var found = files.Where(f => IsIn(f.Key, "source", string.Empty) && sources.IsSource(f.Value)).Select(f => f.Value).ToList();
        if (found.Count == 0)
        {
            if (!hasMetadata) return null; // not an article folder
            var others = files.Keys.Where(k => IsIn(k, "source", string.Empty)).Select(k => k["source/".Length..]).Order(StringComparer.Ordinal).ToList();
            diagnostics.Error(DiagnosticCodes.ContentMissing, folder, 0, 0, "this article folder has neither source/<name>.docx or source/<name>.txt nor ar/*.md"
                + (others.Count > 0 ? $" (source/ holds {string.Join(", ", others)})" : string.Empty));
            return null;
        }

        if (found.Count > 1)
        {
            diagnostics.Error(DiagnosticCodes.ContentMissing, Path.Combine(folder, "source"), 0, 0, "an article folder holds one source file; found " + found.Count);
            return null;
        }

        if (files.GetValueOrDefault($"ar/{ReferencesFile}") is { } unread)
        {
            // Without chapters the article is its source, imported on every build: a reference list written beside it would be silently unused.
            diagnostics.Warning(DiagnosticCodes.ReferencesBesideSource, unread, 0, 0,
                $"this reference list is not read: the article has no Markdown chapters, so it is imported from {Path.GetFileName(found[0])} on every build; run `edition import` to write its chapters beside it, or delete the file");
        }

        // A journal of Word documents would import every one of them on every build: a folder as an earlier build found it (the
        // same stamps, the same --encoding) is only named, with what that import gave, and imported again only if its article
        // is not in the cache (Import.ContentFolder.WithText).
        var stamp = encoding is null ? StampOf(entries) : StampOf(entries) + "\0" + encoding.WebName;
        if (deferText && memo?.RecallImport(folder, stamp) is { } known)
        {
            string Named(string language, string name) => Path.Combine(folder, language, name);
            return new ArticleContent(slug, metadataPath, known.Metadata,
                known.Chapters.Select(c => new MarkdownFile(Named("ar", c + ".md"), string.Empty)).ToList(),
                known.Abstracts.Select(l => new MarkdownFile(Named(l, AbstractFile), string.Empty)).ToList())
            {
                TextDeferred = true, FolderStamp = stamp, Source = found[0], SourceEncoding = encoding,
            };
        }

        // Reported as usual (with the count of warnings beyond the first hundred of a code), and kept apart to tell whether there were any.
        var own = new DiagnosticBag(diagnostics);
        if (sources.Import(slug, metadataPath, metadata, found[0], encoding, own) is not { } imported) return null;
        var content = imported with { FolderStamp = stamp, Source = found[0], SourceEncoding = encoding };
        // An import that gave any diagnostic is never remembered, so its warnings come on every build.
        if (memo is not null && own.Items.Count == 0)
        {
            memo.RememberImport(folder, stamp, new ImportMemo(content.Metadata,
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

    // The images of hand-written (or imported) chapters: every file under ar/media/.
    private const string MediaFolder = "ar/media/";

    // An invalid byte is an error at its place (EB0003), as in an imported source, rather than a U+FFFD nobody sees until the page.
    private static MarkdownFile ReadMarkdown(string path, DiagnosticBag diagnostics) => new(path, Utf8Text.Read(path, diagnostics));
}

using EditionBuilder.Diagnostics;

namespace EditionBuilder.Content;

/// <summary>A Markdown file of an article, with the path diagnostics name.</summary>
public sealed record MarkdownFile(string Path, string Text);

/// <summary>A file an article's chapters show (an image), by its path in the article's site folder ("media/image1.png"): on disk, or in memory when the article was imported on the fly.</summary>
public sealed record ArticleMedia(string Path, string? FilePath, byte[]? Bytes)
{
    /// <summary>What diagnostics name: the file, or the article's media path.</summary>
    public string Where => FilePath ?? Path;

    public byte[] Read() => Bytes ?? File.ReadAllBytes(FilePath!);
}

/// <summary>One article ready to render: its folder name, metadata, Arabic chapters and abstracts in Markdown.</summary>
public sealed record ArticleContent(string Slug, string MetadataPath, ArticleMetadata Metadata, IReadOnlyList<MarkdownFile> Chapters, IReadOnlyList<MarkdownFile> Abstracts)
{
    /// <summary>True when the Markdown files are named but not yet read (<see cref="ContentReader.Read"/> with deferText): <see cref="ContentReader.WithText"/> reads them.</summary>
    public bool TextDeferred { get; init; }

    /// <summary>A digest of every file in the article's folder by path, size, times and inode, as the content walk found them; empty when the article was not read from a folder. Equal digests mean no file was written, replaced, added or removed in between (see <c>SiteBuild</c>: such an article's key is not computed again from its text).</summary>
    public string FolderStamp { get; init; } = string.Empty;

    /// <summary>The article's reference list (ar/references.md: one list item per reference); null when it has none.</summary>
    public MarkdownFile? References { get; init; }

    /// <summary>The images its chapters show (ar/media/…), copied to the article's site folder (&lt;article&gt;/media/…).</summary>
    public IReadOnlyList<ArticleMedia> Media { get; init; } = [];

    /// <summary>The Word document or text export the article is imported from on every build (an article folder's source/), when it has no Markdown chapters; null otherwise. With <see cref="TextDeferred"/>, its chapters and abstracts are only named and <c>Import.ContentFolder.WithText</c> imports it.</summary>
    public string? Source { get; init; }

    /// <summary>The encoding a text export is read in (<c>--encoding</c>), when not UTF-8.</summary>
    public System.Text.Encoding? SourceEncoding { get; init; }
}

/// <summary>What importing an article folder's source gave, kept by the folder's stamp (<see cref="IMetadataMemo.RecallImport"/>): the article's metadata (article.yml's, filled from the source), and the slugs of its chapters and the languages of its abstracts.</summary>
public sealed record ImportMemo(ArticleMetadata Metadata, IReadOnlyList<string> Chapters, IReadOnlyList<string> Abstracts);

/// <summary>An image the edition.yml names (the logo): its file name extension and bytes.</summary>
public sealed record EditionImage(string Extension, byte[] Bytes);

/// <summary>A whole edition: the site's metadata and its articles, in folder-name order.</summary>
public sealed record EditionContent(EditionMetadata Edition, IReadOnlyList<ArticleContent> Articles)
{
    /// <summary>The logo edition.yml names, read and checked; null when there is none.</summary>
    public EditionImage? Logo { get; init; }

    /// <summary>One article makes a single-article edition; more make a journal.</summary>
    public bool IsJournal => Articles.Count > 1;
}

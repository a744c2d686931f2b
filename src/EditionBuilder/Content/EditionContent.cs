using EditionBuilder.Diagnostics;

namespace EditionBuilder.Content;

/// <summary>A Markdown file of an article, with the path diagnostics name.</summary>
public sealed record MarkdownFile(string Path, string Text);

/// <summary>One article ready to render: its folder name, metadata, Arabic chapters and abstracts in Markdown.</summary>
public sealed record ArticleContent(string Slug, string MetadataPath, ArticleMetadata Metadata, IReadOnlyList<MarkdownFile> Chapters, IReadOnlyList<MarkdownFile> Abstracts)
{
    /// <summary>True when the Markdown files are named but not yet read (<see cref="ContentFolder.Read(string, DiagnosticBag, bool)"/> with deferText): <see cref="ContentFolder.WithText"/> reads them.</summary>
    public bool TextDeferred { get; init; }
}

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

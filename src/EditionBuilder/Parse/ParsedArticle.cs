using EditionBuilder.Content;
using EditionBuilder.Markdown.Notes;

namespace EditionBuilder.Parse;

/// <summary>An article as every writer reads it (site, EPUB, JATS): its content, its chapters in order, its abstracts by language, where each note lives and its reference list.</summary>
public sealed record ParsedArticle(ArticleContent Content, IReadOnlyList<ParsedChapter> Chapters, IReadOnlyList<ParsedChapter> Abstracts, NoteLocations Notes)
{
    /// <summary>The article's folder name, which is also its folder in the site.</summary>
    public string Slug => Content.Slug;

    public ArticleMetadata Metadata => Content.Metadata;

    /// <summary>The article's reference list; null when it has none.</summary>
    public ParsedReferences? References { get; init; }
}

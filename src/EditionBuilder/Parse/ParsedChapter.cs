using EditionBuilder.Content;
using EditionBuilder.Markdown;
using Markdig.Syntax;

namespace EditionBuilder.Parse;

/// <summary>A chapter or abstract file parsed once: its front matter, its Markdig document and where its body starts.</summary>
public sealed record ParsedChapter(MarkdownFile File, ChapterFrontMatter FrontMatter, MarkdownDocument Document, int BodyLine)
{
    /// <summary>The page file of the chapter inside its article folder.</summary>
    public string PageName => FrontMatter.Slug + ".html";

    /// <summary>What the note index needs to know of this file.</summary>
    public Markdown.Notes.NoteSource NoteSource => new(File.Path, BodyLine, Document, PageName);
}

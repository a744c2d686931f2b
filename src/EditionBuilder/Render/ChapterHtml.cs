using System.Globalization;
using EditionBuilder.Markdown.Anchors;
using EditionBuilder.Markdown.Links;
using EditionBuilder.Markdown.Notes;
using EditionBuilder.Markdown.Paragraphs;
using EditionBuilder.Parse;
using Markdig;
using Markdig.Renderers;

namespace EditionBuilder.Render;

/// <summary>Renders a parsed chapter or abstract as the site's HTML, with the note markup and paragraph labels the theme gives.</summary>
/// <param name="pipeline">The pipeline the chapters were parsed with (its extensions bring their renderers).</param>
/// <param name="notes">The theme's note markup and strings.</param>
/// <param name="paragraphLabel">The theme's accessible name of a paragraph number; {0} is the number.</param>
public sealed class ChapterHtml(MarkdownPipeline pipeline, NoteRenderOptions notes, string paragraphLabel)
{
    /// <summary>The chapter's HTML; a reference to a note defined on another page links where <paramref name="externalNote"/> says, with the note's mark.</summary>
    public string Render(ParsedChapter chapter, Func<EditionBuilder.Model.NoteKey, NoteTarget?> externalNote)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        // A link to a place in another chapter names its Markdown file; on the site, its page.
        var renderer = new HtmlRenderer(writer) { LinkRewriter = url => ChapterLinks.Rewrite(url, ".html") };
        pipeline.Setup(renderer);
        Replace(renderer, new HtmlNoteGroupRenderer(notes));
        Replace(renderer, new HtmlNoteReferenceRenderer(notes) { ExternalNote = externalNote });
        Replace(renderer, new HtmlArchivedCopyRenderer(notes));
        renderer.ObjectRenderers.Add(new HtmlParagraphNumberRenderer { Label = paragraphLabel });
        renderer.Render(chapter.Document);
        writer.Flush();
        return writer.ToString();
    }

    private static void Replace<T>(HtmlRenderer renderer, T replacement)
        where T : class, Markdig.Renderers.IMarkdownObjectRenderer
    {
        var index = renderer.ObjectRenderers.FindIndex(r => r is T);
        if (index < 0) renderer.ObjectRenderers.Add(replacement);
        else renderer.ObjectRenderers[index] = replacement;
    }
}

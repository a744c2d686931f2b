using System.Globalization;
using EditionBuilder.Markdown.Anchors;
using EditionBuilder.Markdown.Links;
using EditionBuilder.Markdown.Notes;
using EditionBuilder.Model;
using EditionBuilder.Markdown.Paragraphs;
using EditionBuilder.Parse;
using Markdig;
using Markdig.Renderers;

namespace EditionBuilder.Epub;

/// <summary>Renders a parsed chapter or abstract as the body of an XHTML document of the book: the pipeline's own renderers for everything Markdig knows (tables and figures included), the book's for notes and paragraph numbers.</summary>
/// <param name="pipeline">The pipeline the chapters were parsed with.</param>
/// <param name="notes">The theme's note markup and strings, shared with the web edition.</param>
public sealed class ChapterXhtml(MarkdownPipeline pipeline, NoteRenderOptions notes)
{
    /// <summary>The chapter's XHTML; <paramref name="noteHref"/> gives the href of a note defined in another document, <paramref name="referenceHrefs"/> the hrefs of every reference to a note, both relative to this document.</summary>
    public string Render(ParsedChapter chapter, Func<NoteKey, NoteTarget?> noteHref, Func<NoteKey, IReadOnlyList<string>> referenceHrefs)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        // A link to a place in another chapter names its Markdown file; in the book, its document (chapters/<slug>.xhtml, beside this one).
        var renderer = new HtmlRenderer(writer) { LinkRewriter = url => ChapterLinks.Rewrite(url, ".xhtml") };
        pipeline.Setup(renderer);
        Replace<HtmlNoteGroupRenderer>(renderer, new XhtmlNoteGroupRenderer(notes) { References = referenceHrefs });
        Replace<HtmlNoteReferenceRenderer>(renderer, new XhtmlNoteReferenceRenderer(notes) { ExternalNoteHref = noteHref });
        Replace<HtmlArchivedCopyRenderer>(renderer, new HtmlArchivedCopyRenderer(notes));
        Replace<HtmlParagraphNumberRenderer>(renderer, new XhtmlParagraphNumberRenderer());
        renderer.Render(chapter.Document);
        writer.Flush();
        return writer.ToString();
    }

    // The web edition's renderer of the same node is taken out, so the book's is the one Markdig finds.
    private static void Replace<TWeb>(HtmlRenderer renderer, Markdig.Renderers.IMarkdownObjectRenderer replacement)
    {
        renderer.ObjectRenderers.RemoveAll(r => r is TWeb);
        renderer.ObjectRenderers.Insert(0, replacement);
    }
}

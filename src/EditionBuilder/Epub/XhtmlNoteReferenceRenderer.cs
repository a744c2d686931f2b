using EditionBuilder.Markdown.Notes;
using EditionBuilder.Model;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace EditionBuilder.Epub;

/// <summary>Writes a note reference for e-readers: <c>&lt;a epub:type="noteref" role="doc-noteref" id="fnref-N" href="#fn-N"&gt;N&lt;/a&gt;</c> (en-… for an endnote), with the mark the web edition shows and nothing inside the link but text (Apple Books opens no popup for a link holding an element).</summary>
public sealed class XhtmlNoteReferenceRenderer(NoteRenderOptions options) : HtmlObjectRenderer<NoteReferenceInline>
{
    /// <summary>Where a note defined in another document of the book lives ("02-x.xhtml#fn-4") and its mark; null when unknown. Set per document.</summary>
    public Func<NoteKey, NoteTarget?> ExternalNoteHref { get; set; } = _ => null;

    protected override void Write(HtmlRenderer renderer, NoteReferenceInline reference)
    {
        var local = "#" + reference.Key.HtmlId;
        var external = reference.Definition is null ? ExternalNoteHref(reference.Key) : null;
        var href = external?.Href ?? local;
        var mark = reference.Definition?.Mark ?? external?.Mark ?? reference.Key.Id;
        renderer.Write("<a class=\"").WriteEscape(options.ReferenceClass)
            .Write("\" epub:type=\"noteref\" role=\"doc-noteref\" id=\"").Write(reference.Id)
            .Write("\" href=\"").WriteEscapeUrl(href).Write("\">")
            .WriteEscape(mark).Write("</a>");
    }
}

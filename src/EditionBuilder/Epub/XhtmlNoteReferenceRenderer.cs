using System.Globalization;
using EditionBuilder.Markdown.Notes;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace EditionBuilder.Epub;

/// <summary>Writes a note reference for e-readers: <c>&lt;a epub:type="noteref" role="doc-noteref" id="fnref-N" href="#fn-N"&gt;N&lt;/a&gt;</c>, with the number the web edition shows and nothing inside the link but text (Apple Books opens no popup for a link holding an element).</summary>
public sealed class XhtmlNoteReferenceRenderer(NoteRenderOptions options) : HtmlObjectRenderer<NoteReferenceInline>
{
    /// <summary>Where a note defined in another document of the book lives, e.g. "02-x.xhtml#fn-4"; null when unknown. Set per document.</summary>
    public Func<int, string?> ExternalNoteHref { get; set; } = _ => null;

    protected override void Write(HtmlRenderer renderer, NoteReferenceInline reference)
    {
        var number = reference.Number.ToString(CultureInfo.InvariantCulture);
        var href = reference.Definition is not null ? $"#fn-{number}" : ExternalNoteHref(reference.Number) ?? $"#fn-{number}";
        renderer.Write("<a class=\"").WriteEscape(options.ReferenceClass)
            .Write("\" epub:type=\"noteref\" role=\"doc-noteref\" id=\"").Write(reference.Id)
            .Write("\" href=\"").WriteEscapeUrl(href).Write("\">")
            .Write(number).Write("</a>");
    }
}

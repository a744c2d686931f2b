using EditionBuilder.Model;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace EditionBuilder.Markdown.Notes;

/// <summary>Where a note defined on another page lives ("02-x.html#fn-4") and the mark it shows.</summary>
public sealed record NoteTarget(string Href, string Mark);

/// <summary>Writes a reference as <c>&lt;a role="doc-noteref" id="fnref-N" href="#fn-N"&gt;MARK&lt;/a&gt;</c> (endnotes: enref-N, #en-N); MARK is the note's displayed mark.</summary>
public sealed class HtmlNoteReferenceRenderer : HtmlObjectRenderer<NoteReferenceInline>
{
    private readonly NoteRenderOptions _options;

    public HtmlNoteReferenceRenderer(NoteRenderOptions options) => _options = options;

    /// <summary>Where a note defined on another page lives and its mark; null when it is unknown. Set per page.</summary>
    public Func<NoteKey, NoteTarget?> ExternalNote { get; set; } = _ => null;

    protected override void Write(HtmlRenderer renderer, NoteReferenceInline reference)
    {
        var local = "#" + reference.Key.HtmlId;
        var external = reference.Definition is null ? ExternalNote(reference.Key) : null;
        var href = reference.Definition is not null ? local : external?.Href ?? local;
        var mark = reference.Definition?.Mark ?? external?.Mark ?? reference.Key.Id;
        renderer.Write("<a class=\"").WriteEscape(_options.ReferenceClass)
            .Write("\" role=\"doc-noteref\" id=\"").Write(reference.Id)
            .Write("\" href=\"").WriteEscapeUrl(href).Write("\">")
            .WriteEscape(mark).Write("</a>");
    }
}

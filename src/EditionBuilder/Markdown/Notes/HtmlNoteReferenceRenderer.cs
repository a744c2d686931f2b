using System.Globalization;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace EditionBuilder.Markdown.Notes;

/// <summary>Writes a reference as <c>&lt;a role="doc-noteref" id="fnref-N" href="#fn-N"&gt;N&lt;/a&gt;</c>.</summary>
public sealed class HtmlNoteReferenceRenderer : HtmlObjectRenderer<NoteReferenceInline>
{
    private readonly NoteRenderOptions _options;

    public HtmlNoteReferenceRenderer(NoteRenderOptions options) => _options = options;

    /// <summary>Where a note defined on another page lives, e.g. "02-x.html#fn-4"; null when it is unknown. Set per page.</summary>
    public Func<int, string?> ExternalNoteHref { get; set; } = _ => null;

    protected override void Write(HtmlRenderer renderer, NoteReferenceInline reference)
    {
        var number = reference.Number.ToString(CultureInfo.InvariantCulture);
        var href = reference.Definition is not null ? $"#fn-{number}" : ExternalNoteHref(reference.Number) ?? $"#fn-{number}";
        renderer.Write("<a class=\"").WriteEscape(_options.ReferenceClass)
            .Write("\" role=\"doc-noteref\" id=\"").Write(reference.Id)
            .Write("\" href=\"").WriteEscapeUrl(href).Write("\">")
            .Write(number).Write("</a>");
    }
}

using EditionBuilder.Markdown.Notes;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace EditionBuilder.Markdown.Links;

/// <summary>Writes an archived copy as <c>&lt;a href="…" class="archived" rel="noopener noreferrer"&gt;label&lt;/a&gt;</c>, with the label the theme gives.</summary>
public sealed class HtmlArchivedCopyRenderer(NoteRenderOptions options) : HtmlObjectRenderer<ArchivedCopyInline>
{
    protected override void Write(HtmlRenderer renderer, ArchivedCopyInline copy)
    {
        renderer.Write("<a href=\"").WriteEscapeUrl(copy.Url).Write("\" class=\"archived\" rel=\"noopener noreferrer\">")
            .WriteEscape(options.ArchivedCopyLabel).Write("</a>");
    }
}

using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace EditionBuilder.Markdown.Anchors;

/// <summary>Writes an anchor as an empty <c>&lt;span id="…"&gt;</c> a link's fragment can reach.</summary>
public sealed class HtmlAnchorRenderer : HtmlObjectRenderer<AnchorInline>
{
    protected override void Write(HtmlRenderer renderer, AnchorInline anchor) =>
        renderer.Write("<span id=\"").WriteEscape(anchor.Id).Write("\"></span>");
}

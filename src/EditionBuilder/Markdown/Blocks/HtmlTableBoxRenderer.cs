using Markdig.Extensions.Tables;
using Markdig.Renderers;

namespace EditionBuilder.Markdown.Blocks;

/// <summary>Writes a table inside a box that scrolls sideways on its own (focusable, so a keyboard can scroll it), never the page; header cells are &lt;th&gt;.</summary>
public sealed class HtmlTableBoxRenderer : HtmlTableRenderer
{
    private readonly BlockRenderOptions _options;

    public HtmlTableBoxRenderer(BlockRenderOptions options) => _options = options;

    protected override void Write(HtmlRenderer renderer, Table table)
    {
        renderer.EnsureLine();
        renderer.Write("<div class=\"").WriteEscape(_options.TableBoxClass).Write("\" tabindex=\"0\">").WriteLine();
        base.Write(renderer, table);
        renderer.Write("</div>").WriteLine();
    }
}

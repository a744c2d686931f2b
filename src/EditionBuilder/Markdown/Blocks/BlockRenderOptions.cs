namespace EditionBuilder.Markdown.Blocks;

/// <summary>What the table and figure renderers write, so themes change markup without code.</summary>
public sealed class BlockRenderOptions
{
    /// <summary>The class of the box around a table that scrolls sideways on its own, never the page.</summary>
    public string TableBoxClass { get; set; } = "table-box";

    public string FigureClass { get; set; } = "figure";
}

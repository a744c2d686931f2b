using Markdig;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Extensions.Figures;
using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html.Inlines;

namespace EditionBuilder.Markdown.Blocks;

/// <summary>The blocks and inlines a Word document brings (docs/markdown-format.md): pipe tables, <c>^^^</c> figures, <c>^sup^</c>, <c>~sub~</c> and <c>~~struck~~</c>, and a paragraph's own direction <c>{dir=ltr}</c>.</summary>
public sealed class EditionBlocksExtension : IMarkdownExtension
{
    /// <summary>The markup settings of tables and figures; a theme may change them.</summary>
    public BlockRenderOptions Options { get; } = new();

    /// <summary>Adds Markdig's own extensions this one builds on (before it, since extensions cannot add extensions while the pipeline is built).</summary>
    public static void AddParts(MarkdownPipelineBuilder pipeline)
    {
        pipeline.UsePipeTables(new PipeTableOptions { RequireHeaderSeparator = true, UseHeaderForColumnCount = false });
        pipeline.UseFigures();
        pipeline.UseEmphasisExtras(EmphasisExtraOptions.Superscript | EmphasisExtraOptions.Subscript | EmphasisExtraOptions.Strikethrough);
    }

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        pipeline.DocumentProcessed -= ParagraphDirection.Apply;
        pipeline.DocumentProcessed += ParagraphDirection.Apply;
        pipeline.DocumentProcessed -= TableHeaders.DropEmpty;
        pipeline.DocumentProcessed += TableHeaders.DropEmpty;
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not HtmlRenderer html) return;
        // ~~x~~ is text the author struck through (Word's strike), shown as <s>, not an edit's deletion (<del>).
        if (html.ObjectRenderers.FindExact<EmphasisInlineRenderer>() is { } emphasis)
        {
            var previous = emphasis.GetTag;
            emphasis.GetTag = e => e.DelimiterChar == '~' && e.DelimiterCount == 2 ? "s" : previous?.Invoke(e);
        }

        html.ObjectRenderers.ReplaceOrAdd<HtmlTableRenderer>(new HtmlTableBoxRenderer(Options));
        html.ObjectRenderers.ReplaceOrAdd<HtmlFigureRenderer>(new HtmlImageFigureRenderer(Options));
    }
}

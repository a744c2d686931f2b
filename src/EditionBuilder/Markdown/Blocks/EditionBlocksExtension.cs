using Markdig;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Extensions.Figures;
using Markdig.Extensions.Tables;
using Markdig.Renderers;

namespace EditionBuilder.Markdown.Blocks;

/// <summary>The blocks and inlines a Word document brings (docs/markdown-format.md): pipe tables, <c>^^^</c> figures, <c>^sup^</c> and <c>~sub~</c>, and a paragraph's own direction <c>{dir=ltr}</c>.</summary>
public sealed class EditionBlocksExtension : IMarkdownExtension
{
    /// <summary>The markup settings of tables and figures; a theme may change them.</summary>
    public BlockRenderOptions Options { get; } = new();

    /// <summary>Adds Markdig's own extensions this one builds on (before it, since extensions cannot add extensions while the pipeline is built).</summary>
    public static void AddParts(MarkdownPipelineBuilder pipeline)
    {
        pipeline.UsePipeTables(new PipeTableOptions { RequireHeaderSeparator = true, UseHeaderForColumnCount = false });
        pipeline.UseFigures();
        pipeline.UseEmphasisExtras(EmphasisExtraOptions.Superscript | EmphasisExtraOptions.Subscript);
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
        html.ObjectRenderers.ReplaceOrAdd<HtmlTableRenderer>(new HtmlTableBoxRenderer(Options));
        html.ObjectRenderers.ReplaceOrAdd<HtmlFigureRenderer>(new HtmlImageFigureRenderer(Options));
    }
}

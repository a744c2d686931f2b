using EditionBuilder.Markdown.Anchors;
using Markdig;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Extensions.Figures;
using Markdig.Extensions.Tables;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Renderers.Html.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EditionBuilder.Markdown.Blocks;

/// <summary>The blocks and inlines a Word document brings (docs/markdown-format.md): pipe tables, <c>^^^</c> figures, <c>^sup^</c>, <c>~sub~</c>, <c>~~struck~~</c>, <c>++underlined++</c> and <c>%%small caps%%</c>, and a paragraph's own direction <c>{dir=ltr}</c>.</summary>
public sealed class EditionBlocksExtension : IMarkdownExtension
{
    /// <summary>The markup settings of tables and figures; a theme may change them.</summary>
    public BlockRenderOptions Options { get; } = new();

    /// <summary>Adds Markdig's own extensions this one builds on (before it, since extensions cannot add extensions while the pipeline is built).</summary>
    public static void AddParts(MarkdownPipelineBuilder pipeline)
    {
        pipeline.UsePipeTables(new PipeTableOptions { RequireHeaderSeparator = true, UseHeaderForColumnCount = false });
        pipeline.UseFigures();
        pipeline.UseEmphasisExtras(EmphasisExtraOptions.Superscript | EmphasisExtraOptions.Subscript | EmphasisExtraOptions.Strikethrough | EmphasisExtraOptions.Inserted);
        // %%x%% is text in small capitals (Word's w:smallCaps); no Markdown dialect has a delimiter for it, and '%' is escaped in text.
        if (pipeline.InlineParsers.FindExact<EmphasisInlineParser>() is { } emphasis && !emphasis.EmphasisDescriptors.Any(d => d.Character == SmallCapsDelimiter))
        {
            emphasis.EmphasisDescriptors.Add(new EmphasisDescriptor(SmallCapsDelimiter, 2, 2, true));
        }
    }

    /// <summary>The character of the small capitals' delimiter (<c>%%x%%</c>).</summary>
    public const char SmallCapsDelimiter = '%';

    /// <summary>The class a span of small capitals gets in HTML.</summary>
    public const string SmallCapsClass = "smallcaps";

    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        // []{#id}: a place a link inside the edition leads to (a Word bookmark).
        if (!pipeline.InlineParsers.Contains<AnchorParser>()) pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new AnchorParser());
        pipeline.DocumentProcessed -= ParagraphDirection.Apply;
        pipeline.DocumentProcessed += ParagraphDirection.Apply;
        pipeline.DocumentProcessed -= TableHeaders.DropEmpty;
        pipeline.DocumentProcessed += TableHeaders.DropEmpty;
        pipeline.DocumentProcessed -= TableSpans.Apply;
        pipeline.DocumentProcessed += TableSpans.Apply;
        pipeline.DocumentProcessed -= MarkSmallCaps;
        pipeline.DocumentProcessed += MarkSmallCaps;
    }

    // A span of small capitals is <span class="smallcaps">: HTML has no element for it.
    private static void MarkSmallCaps(MarkdownDocument document)
    {
        foreach (var emphasis in document.Descendants<EmphasisInline>())
        {
            if (emphasis.DelimiterChar == SmallCapsDelimiter && emphasis.DelimiterCount == 2) emphasis.GetAttributes().AddClass(SmallCapsClass);
        }
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is not HtmlRenderer html) return;
        // ~~x~~ is text the author struck through (Word's strike), shown as <s>, not an edit's deletion (<del>); ++x++ is
        // text the author underlined, shown as <u>, not an edit's insertion (<ins>).
        if (html.ObjectRenderers.FindExact<EmphasisInlineRenderer>() is { } emphasis)
        {
            var previous = emphasis.GetTag;
            emphasis.GetTag = e => (e.DelimiterChar, e.DelimiterCount) switch
            {
                ('~', 2) => "s",
                ('+', 2) => "u",
                (SmallCapsDelimiter, 2) => "span",
                _ => previous?.Invoke(e),
            };
        }

        html.ObjectRenderers.ReplaceOrAdd<HtmlTableRenderer>(new HtmlTableBoxRenderer(Options));
        if (!html.ObjectRenderers.Contains<HtmlAnchorRenderer>()) html.ObjectRenderers.Insert(0, new HtmlAnchorRenderer());
        html.ObjectRenderers.ReplaceOrAdd<HtmlFigureRenderer>(new HtmlImageFigureRenderer(Options));
    }
}

using Markdig.Extensions.Figures;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EditionBuilder.Markdown.Blocks;

/// <summary>Writes a <c>^^^</c> figure holding one image as <c>&lt;figure&gt;&lt;img alt&gt;&lt;figcaption&gt;</c>; any other figure keeps its blocks.</summary>
public sealed class HtmlImageFigureRenderer : HtmlObjectRenderer<Figure>
{
    private readonly BlockRenderOptions _options;

    public HtmlImageFigureRenderer(BlockRenderOptions options) => _options = options;

    /// <summary>The image of a figure that holds exactly one image (and a caption), else null.</summary>
    public static LinkInline? ImageOf(Figure figure)
    {
        var paragraphs = figure.OfType<ParagraphBlock>().ToList();
        if (paragraphs.Count != 1 || figure.Count(b => b is not FigureCaption) != 1) return null;
        var inlines = paragraphs[0].Inline?.ToList() ?? [];
        return inlines.Count == 1 && inlines[0] is LinkInline { IsImage: true } image ? image : null;
    }

    /// <summary>The alternative text of an image: its text, formatting left out.</summary>
    public static string AltText(LinkInline image) =>
        string.Concat(image.Descendants<Inline>().Select(i => i switch
        {
            LiteralInline l => l.Content.ToString(),
            CodeInline c => c.Content,
            HtmlEntityInline e => e.Transcoded.ToString(),
            LineBreakInline => " ",
            _ => string.Empty,
        }));

    protected override void Write(HtmlRenderer renderer, Figure figure)
    {
        renderer.EnsureLine();
        renderer.Write("<figure class=\"").WriteEscape(_options.FigureClass).Write("\">").WriteLine();
        if (ImageOf(figure) is { } image)
        {
            renderer.Write("<img src=\"").WriteEscapeUrl(image.GetDynamicUrl?.Invoke() ?? image.Url).Write("\" alt=\"")
                .WriteEscape(AltText(image)).Write("\" loading=\"lazy\" />").WriteLine();
        }
        else
        {
            foreach (var block in figure.Where(b => b is not FigureCaption)) renderer.Write(block);
        }

        foreach (var caption in figure.OfType<FigureCaption>())
        {
            renderer.Write("<figcaption>").WriteLeafInline(caption).Write("</figcaption>").WriteLine();
        }

        renderer.Write("</figure>").WriteLine();
    }
}

using Markdig.Renderers;
using Markdig.Renderers.Html;
using EditionBuilder.Markdown.Paragraphs;

namespace EditionBuilder.Epub;

/// <summary>Writes a paragraph's number ("3.7", the same as the web edition's) as text: in a book a link to the paragraph itself leads nowhere.</summary>
public sealed class XhtmlParagraphNumberRenderer : HtmlObjectRenderer<ParagraphNumberInline>
{
    protected override void Write(HtmlRenderer renderer, ParagraphNumberInline number) =>
        renderer.Write("<span class=\"para\">").Write(number.Number).Write("</span> ");
}

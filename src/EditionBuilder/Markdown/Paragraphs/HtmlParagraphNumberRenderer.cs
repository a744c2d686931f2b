using System.Globalization;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace EditionBuilder.Markdown.Paragraphs;

/// <summary>Writes a paragraph's number as a small link to its own anchor: <c>&lt;a class="para" href="#p-3-7" aria-label="…"&gt;3.7&lt;/a&gt;</c>.</summary>
public sealed class HtmlParagraphNumberRenderer : HtmlObjectRenderer<ParagraphNumberInline>
{
    /// <summary>The accessible name of the link; {0} is the number. The theme sets it.</summary>
    public string Label { get; set; } = "{0}";

    protected override void Write(HtmlRenderer renderer, ParagraphNumberInline number)
    {
        renderer.Write("<a class=\"para\" href=\"#").Write(number.Id).Write("\" aria-label=\"")
            .WriteEscape(string.Format(CultureInfo.InvariantCulture, Label, number.Number)).Write("\">")
            .Write(number.Number).Write("</a> ");
    }
}

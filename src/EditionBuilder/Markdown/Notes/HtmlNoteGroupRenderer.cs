using System.Globalization;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace EditionBuilder.Markdown.Notes;

/// <summary>Writes a page's notes as <c>&lt;section role="doc-endnotes"&gt;</c> holding <c>&lt;li id="fn-N" value="N"&gt;</c> with back-links.</summary>
public sealed class HtmlNoteGroupRenderer : HtmlObjectRenderer<NoteGroup>
{
    private readonly NoteRenderOptions _options;

    public HtmlNoteGroupRenderer(NoteRenderOptions options) => _options = options;

    protected override void Write(HtmlRenderer renderer, NoteGroup group)
    {
        renderer.EnsureLine();
        renderer.Write("<section class=\"").WriteEscape(_options.NotesClass).Write("\" role=\"doc-endnotes\" dir=\"")
            .WriteEscape(_options.NotesDirection).Write("\">").WriteLine();
        if (_options.NotesHeading.Length > 0)
        {
            renderer.Write("<h2>").WriteEscape(_options.NotesHeading).Write("</h2>").WriteLine();
        }

        renderer.Write("<ol>").WriteLine();
        foreach (var definition in group.OfType<NoteDefinition>())
        {
            var number = definition.Number.ToString(CultureInfo.InvariantCulture);
            renderer.Write("<li id=\"fn-").Write(number).Write("\" value=\"").Write(number).Write("\">");
            WriteBody(renderer, definition);
            foreach (var reference in definition.References)
            {
                var label = string.Format(CultureInfo.InvariantCulture, _options.BackLinkLabel, number);
                renderer.Write(" <a role=\"doc-backlink\" href=\"#").Write(reference.Id).Write("\" aria-label=\"")
                    .WriteEscape(label).Write("\">").WriteEscape(_options.BackLinkText).Write("</a>");
            }

            renderer.Write("</li>").WriteLine();
        }

        renderer.Write("</ol>").WriteLine().Write("</section>").WriteLine();
    }

    // A one-paragraph note is written without <p>, so the back-link stays on its last line.
    private static void WriteBody(HtmlRenderer renderer, NoteDefinition definition)
    {
        if (definition.Count == 1 && definition[0] is ParagraphBlock { Inline: not null } paragraph)
        {
            renderer.WriteLeafInline(paragraph);
            return;
        }

        var implicitParagraph = renderer.ImplicitParagraph;
        renderer.WriteChildren(definition);
        renderer.ImplicitParagraph = implicitParagraph;
    }
}

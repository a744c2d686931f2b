using System.Globalization;
using EditionBuilder.Model;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace EditionBuilder.Markdown.Notes;

/// <summary>Writes a page's footnotes, then its endnotes, each as <c>&lt;section role="doc-endnotes"&gt;</c> holding <c>&lt;li id="fn-N"&gt;</c> (<c>en-N</c>) with back-links.</summary>
public sealed class HtmlNoteGroupRenderer : HtmlObjectRenderer<NoteGroup>
{
    private readonly NoteRenderOptions _options;

    public HtmlNoteGroupRenderer(NoteRenderOptions options) => _options = options;

    protected override void Write(HtmlRenderer renderer, NoteGroup group)
    {
        var definitions = group.OfType<NoteDefinition>().ToList();
        WriteSection(renderer, definitions.Where(d => d.Key.Kind == NoteKind.Footnote).ToList(), _options.NotesClass, _options.NotesHeading);
        WriteSection(renderer, definitions.Where(d => d.Key.Kind == NoteKind.Endnote).ToList(), _options.NotesClass + " " + _options.EndnotesClass, _options.EndnotesHeading);
    }

    private void WriteSection(HtmlRenderer renderer, List<NoteDefinition> definitions, string cssClass, string heading)
    {
        if (definitions.Count == 0) return;
        renderer.EnsureLine();
        renderer.Write("<section class=\"").WriteEscape(cssClass).Write("\" role=\"doc-endnotes\" dir=\"")
            .WriteEscape(_options.NotesDirection).Write("\">").WriteLine();
        if (heading.Length > 0)
        {
            renderer.Write("<h2>").WriteEscape(heading).Write("</h2>").WriteLine();
        }

        renderer.Write("<ol>").WriteLine();
        foreach (var definition in definitions)
        {
            // A mark that is a plain number is the list's own number; any other mark (*, ١, iv) is written out.
            var numbered = IsPlainNumber(definition.Mark);
            renderer.Write("<li id=\"").Write(definition.Key.HtmlId).Write('"');
            if (OwnDirection(definition) is { } direction) renderer.Write(" dir=\"").Write(direction).Write('"');
            if (numbered) renderer.Write(" value=\"").Write(definition.Mark).Write("\">");
            else renderer.Write(" class=\"").WriteEscape(_options.MarkedNoteClass).Write("\"><span class=\"").WriteEscape(_options.MarkClass).Write("\">")
                .WriteEscape(definition.Mark).Write("</span> ");
            WriteBody(renderer, definition);
            foreach (var reference in definition.References)
            {
                var label = string.Format(CultureInfo.InvariantCulture, _options.BackLinkLabel, definition.Mark);
                renderer.Write(" <a role=\"doc-backlink\" href=\"#").Write(reference.Id).Write("\" aria-label=\"")
                    .WriteEscape(label).Write("\">").WriteEscape(_options.BackLinkText).Write("</a>");
            }

            renderer.Write("</li>").WriteLine();
        }

        renderer.Write("</ol>").WriteLine().Write("</section>").WriteLine();
    }

    private static bool IsPlainNumber(string mark) =>
        mark.Length is > 0 and <= 9 && mark.All(char.IsAsciiDigit) && (mark == "0" || mark[0] != '0');

    // A one-paragraph note's own direction ({dir=ltr}) goes on its <li>, since the paragraph is written without <p>.
    private static string? OwnDirection(NoteDefinition definition) =>
        definition.Count == 1 && definition[0] is ParagraphBlock paragraph ? Blocks.ParagraphDirection.Of(paragraph) : null;

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

using System.Globalization;
using EditionBuilder.Markdown.Notes;
using EditionBuilder.Model;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace EditionBuilder.Epub;

/// <summary>Writes a chapter's notes for e-readers: each an <c>&lt;aside epub:type="footnote" role="doc-footnote" id="fn-N"&gt;</c> that opens with its number as the back-link to its first reference (DAISY's and Kindle's guidance: a back-link at the end makes Kindle run notes together), in a <c>&lt;section epub:type="footnotes"&gt;</c> at the end of the chapter.</summary>
/// <remarks>Endnotes (a Word document's second sequence) get their own <c>&lt;section epub:type="endnotes" role="doc-endnotes"&gt;</c> with <c>&lt;aside epub:type="endnote" role="note"&gt;</c>: EPUBCheck 4.2.6 refuses role="doc-endnote" on an aside (DPUB-ARIA allows it on list items only), and a list would end the popups. Apple Books, Thorium and Foliate hide such asides wherever they stand and show them only as popups; Kindle, Kobo and Calibre show them here as the chapter's notes, KOReader at the foot of the page that cites them. No second, visible list: it would show every note twice in the readers that keep asides.</remarks>
public sealed class XhtmlNoteGroupRenderer(NoteRenderOptions options) : HtmlObjectRenderer<NoteGroup>
{
    /// <summary>The book's references to a note, as hrefs from this document ("#fnref-4", "01-x.xhtml#fnref-4"), in reading order. Set per document.</summary>
    public Func<NoteKey, IReadOnlyList<string>> References { get; set; } = _ => [];

    protected override void Write(HtmlRenderer renderer, NoteGroup group)
    {
        var definitions = group.OfType<NoteDefinition>().ToList();
        WriteSection(renderer, definitions.Where(d => d.Key.Kind == NoteKind.Footnote).ToList(), "footnotes", "footnote", "doc-footnote", options.NotesClass, options.NotesHeading);
        WriteSection(renderer, definitions.Where(d => d.Key.Kind == NoteKind.Endnote).ToList(), "endnotes", "endnote", "note", options.NotesClass + " " + options.EndnotesClass, options.EndnotesHeading);
    }

    private void WriteSection(HtmlRenderer renderer, IReadOnlyList<NoteDefinition> definitions, string sectionType, string noteType, string noteRole, string cssClass, string heading)
    {
        if (definitions.Count == 0) return;
        renderer.EnsureLine();
        renderer.Write("<section class=\"").WriteEscape(cssClass).Write("\" epub:type=\"").Write(sectionType).Write(sectionType == "endnotes" ? "\" role=\"doc-endnotes" : string.Empty).Write("\" dir=\"").WriteEscape(options.NotesDirection).Write('"');
        if (heading.Length > 0) renderer.Write(" aria-label=\"").WriteEscape(heading).Write('"');
        renderer.Write('>').WriteLine();
        foreach (var definition in definitions)
        {
            var number = definition.Mark;
            var references = References(definition.Key);
            renderer.Write("<aside class=\"note\" id=\"").Write(definition.Key.HtmlId).Write("\" epub:type=\"").Write(noteType).Write("\" role=\"").Write(noteRole).Write("\">").WriteLine();
            var blocks = definition.ToList();
            var first = blocks.FirstOrDefault() as ParagraphBlock;
            renderer.Write("<p>");
            BackLink(renderer, number, references.Count > 0 ? references[0] : null);
            if (first?.Inline is not null)
            {
                renderer.Write(' ');
                renderer.WriteLeafInline(first);
                blocks.RemoveAt(0);
            }

            if (blocks.Count == 0) ExtraBackLinks(renderer, number, references);
            renderer.Write("</p>").WriteLine();
            if (blocks.Count > 0)
            {
                var implicitParagraph = renderer.ImplicitParagraph;
                renderer.ImplicitParagraph = false;
                foreach (var block in blocks) renderer.Write(block);
                renderer.ImplicitParagraph = implicitParagraph;
                if (references.Count > 1)
                {
                    renderer.Write("<p>");
                    ExtraBackLinks(renderer, number, references);
                    renderer.Write("</p>").WriteLine();
                }
            }

            renderer.Write("</aside>").WriteLine();
        }

        renderer.Write("</section>").WriteLine();
    }

    // The note's number leads back to its first reference; a note no reference of the book cites keeps its number, unlinked.
    private void BackLink(HtmlRenderer renderer, string number, string? href)
    {
        if (href is null)
        {
            renderer.Write("<span class=\"note-number\">").WriteEscape(number).Write("</span>");
            return;
        }

        renderer.Write("<a class=\"note-number\" role=\"doc-backlink\" href=\"").WriteEscapeUrl(href).Write("\" aria-label=\"")
            .WriteEscape(string.Format(CultureInfo.InvariantCulture, options.BackLinkLabel, number)).Write("\">").WriteEscape(number).Write("</a>");
    }

    // A note cited more than once links back to its other references at its end.
    private void ExtraBackLinks(HtmlRenderer renderer, string number, IReadOnlyList<string> references)
    {
        foreach (var href in references.Skip(1))
        {
            renderer.Write(" <a role=\"doc-backlink\" href=\"").WriteEscapeUrl(href).Write("\" aria-label=\"")
                .WriteEscape(string.Format(CultureInfo.InvariantCulture, options.BackLinkLabel, number)).Write("\">")
                .WriteEscape(options.BackLinkText).Write("</a>");
        }
    }
}

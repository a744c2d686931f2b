using System.Globalization;
using EditionBuilder.Markdown.Anchors;
using EditionBuilder.Markdown.Links;
using EditionBuilder.Markdown.Notes;
using EditionBuilder.Markdown.Paragraphs;
using EditionBuilder.Markdown.Safety;
using Markdig.Extensions.Figures;
using Markdig.Extensions.Tables;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EditionBuilder.Jats;

/// <summary>Writes the blocks and inlines of a parsed chapter, abstract or note as JATS: paragraphs (with the site's ids), sections for headings, lists, quotations, tables (XHTML model), figures, emphasis, links and note references.</summary>
/// <param name="xml">Where the markup goes.</param>
/// <param name="notes">The marks of the article's notes.</param>
/// <param name="archivedCopyLabel">The text of an archived copy's link (the theme's, in the article's language).</param>
public sealed class JatsBody(JatsXml xml, JatsNotes notes, string archivedCopyLabel)
{
    /// <summary>The blocks of a document; a heading opens a <c>sec</c> that runs to the next heading of its level or higher. Notes are left out (they go to <c>back</c>).</summary>
    public void Blocks(ContainerBlock container, string sectionId)
    {
        var open = new Stack<int>();
        var count = 0;
        foreach (var block in container)
        {
            if (block is HeadingBlock heading)
            {
                while (open.Count > 0 && open.Peek() >= heading.Level)
                {
                    xml.Close("sec").Line();
                    open.Pop();
                }

                count++;
                xml.Open("sec", ("id", $"{sectionId}-{count.ToString(CultureInfo.InvariantCulture)}")).Line();
                xml.Open("title");
                Inlines(heading.Inline);
                xml.Close("title").Line();
                open.Push(heading.Level);
                continue;
            }

            Block(block);
        }

        while (open.Count > 0)
        {
            xml.Close("sec").Line();
            open.Pop();
        }
    }

    /// <summary>One block other than a heading.</summary>
    public void Block(Block block)
    {
        switch (block)
        {
            case NoteGroup or LinkReferenceDefinitionGroup or BlankLineBlock or ThematicBreakBlock:
                // Notes go to back; a thematic break has no JATS element inside a section.
                break;
            case ParagraphBlock paragraph:
                xml.Open("p", ("id", paragraph.TryGetAttributes()?.Id ?? string.Empty));
                Inlines(paragraph.Inline);
                xml.Close("p").Line();
                break;
            case HeadingBlock heading:
                // A heading inside a quotation or list item: JATS has no section there, so it is a bold paragraph.
                xml.Open("p").Open("bold");
                Inlines(heading.Inline);
                xml.Close("bold").Close("p").Line();
                break;
            case QuoteBlock quote:
                xml.Open("disp-quote").Line();
                foreach (var child in quote) Block(child);
                xml.Close("disp-quote").Line();
                break;
            case ListBlock list:
                List(list);
                break;
            case CodeBlock code:
                xml.Open("preformat").Text(string.Join('\n', code.Lines.Lines.Take(code.Lines.Count).Select(l => l.Slice.ToString()))).Close("preformat").Line();
                break;
            case Table table:
                Table(table);
                break;
            case Figure figure:
                Figure(figure);
                break;
            case ContainerBlock other:
                foreach (var child in other) Block(child);
                break;
            case LeafBlock leaf when leaf.Inline is not null:
                xml.Open("p");
                Inlines(leaf.Inline);
                xml.Close("p").Line();
                break;
        }
    }

    /// <summary>The inlines of a paragraph, title or cell.</summary>
    public void Inlines(ContainerInline? inlines)
    {
        if (inlines is null) return;
        foreach (var inline in inlines) Inline(inline);
    }

    private void Inline(Inline inline)
    {
        switch (inline)
        {
            case LiteralInline literal:
                xml.Text(literal.Content.ToString());
                break;
            case ParagraphNumberInline:
                // The site's visible paragraph number; the paragraph's id carries it.
                break;
            case NoteReferenceInline reference:
                xml.Element("xref", notes.Mark(reference), ("ref-type", "fn"), ("rid", JatsNotes.IdOf(reference)));
                break;
            case ArchivedCopyInline copy:
                xml.Element("ext-link", archivedCopyLabel, ("ext-link-type", "uri"), ("specific-use", "archived-copy"), ("xlink:href", copy.Url));
                break;
            case HtmlInline html:
                // Markup the edition's own steps added (a span isolating a Latin run, a control character's visible mark): the character, never the mark.
                if (ControlCharacterMarker.CharacterOf(html) is { } character) xml.Text(character.ToString());
                break;
            case HtmlEntityInline entity:
                xml.Text(entity.Transcoded.ToString());
                break;
            case CodeInline code:
                xml.Element("monospace", code.Content);
                break;
            case LineBreakInline:
                // A line break inside a paragraph (notes keep their source lines): JATS paragraphs have no break element, so the line end stays a character.
                xml.Text("\n");
                break;
            case AutolinkInline autolink:
                if (autolink.IsEmail) xml.Element("email", autolink.Url);
                else xml.Element("ext-link", autolink.Url, ("ext-link-type", "uri"), ("xlink:href", autolink.Url));
                break;
            case LinkInline { IsImage: true } image:
                xml.Open("inline-graphic", ("xlink:href", image.Url ?? string.Empty));
                xml.Element("alt-text", AltText(image));
                xml.Close("inline-graphic");
                break;
            case LinkInline link when link.Url is { } url && (url.StartsWith('#') || ChapterLinks.SlugOf(url) is not null):
                // A link to a place in the article (a Word cross-reference): the JATS file has no such places, so its text alone, as on paper.
                Inlines(link);
                break;
            case LinkInline link:
                xml.Open("ext-link", ("ext-link-type", "uri"), ("xlink:href", link.Url ?? string.Empty));
                Inlines(link);
                xml.Close("ext-link");
                break;
            case EmphasisInline emphasis:
                var element = Emphasis(emphasis);
                if (element is not null) xml.Open(element);
                Inlines(emphasis);
                if (element is not null) xml.Close(element);
                break;
            case ContainerInline container:
                Inlines(container);
                break;
        }
    }

    // *x* italic, **x** bold, ^x^ superscript, ~x~ subscript, ~~x~~ struck through, ++x++ underlined, %%x%% small capitals.
    private static string? Emphasis(EmphasisInline emphasis) => Markdown.EmphasisStyles.Of(emphasis) switch
    {
        Model.TextStyle.Emphasis => "italic",
        Model.TextStyle.Strong => "bold",
        Model.TextStyle.Superscript => "sup",
        Model.TextStyle.Subscript => "sub",
        Model.TextStyle.Strikethrough => "strike",
        Model.TextStyle.Underline => "underline",
        Model.TextStyle.SmallCaps => "sc",
        _ => null,
    };

    private void List(ListBlock list)
    {
        xml.Open("list", ("list-type", list.IsOrdered ? "order" : "bullet")).Line();
        var number = list.IsOrdered && int.TryParse(list.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? start : 1;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            xml.Open("list-item");
            // A list that does not start at 1 keeps its numbers, which the list type alone would not.
            if (list.IsOrdered && list.OrderedStart is { Length: > 0 } and not "1")
            {
                xml.Element("label", number.ToString(CultureInfo.InvariantCulture) + list.OrderedDelimiter);
            }

            xml.Line();
            var wroteBlock = false;
            foreach (var child in item)
            {
                Block(child);
                wroteBlock |= child is not (BlankLineBlock or ThematicBreakBlock);
            }

            // A list item needs a paragraph; an empty one gets an empty paragraph.
            if (!wroteBlock) xml.Empty("p").Line();
            xml.Close("list-item").Line();
            number++;
        }

        xml.Close("list").Line();
    }

    private void Table(Table table)
    {
        var rows = table.OfType<TableRow>().ToList();
        var head = rows.TakeWhile(r => r.IsHeader).ToList();
        var body = rows.Skip(head.Count).ToList();
        xml.Open("table-wrap").Line().Open("table").Line();
        if (head.Count > 0)
        {
            xml.Open("thead").Line();
            foreach (var row in head) Row(row, "th");
            xml.Close("thead").Line();
        }

        // The XHTML model wants at least one tbody; a table of header rows alone has an empty one.
        xml.Open("tbody").Line();
        foreach (var row in body) Row(row, "td");
        if (body.Count == 0) xml.Open("tr").Empty("td").Close("tr").Line();
        xml.Close("tbody").Line();
        xml.Close("table").Line().Close("table-wrap").Line();
    }

    private void Row(TableRow row, string cell)
    {
        xml.Open("tr");
        foreach (var tableCell in row.OfType<TableCell>())
        {
            // Merged cells (<< and ^^ in the Markdown) keep their spans, as the XHTML table model of JATS has them.
            var spans = new List<(string, string)>();
            if (tableCell.ColumnSpan > 1) spans.Add(("colspan", tableCell.ColumnSpan.ToString(CultureInfo.InvariantCulture)));
            if (tableCell.RowSpan > 1) spans.Add(("rowspan", tableCell.RowSpan.ToString(CultureInfo.InvariantCulture)));
            xml.Open(cell, [.. spans]);
            var first = true;
            foreach (var block in tableCell)
            {
                if (block is not LeafBlock { Inline: not null } leaf) continue;
                if (!first) xml.Text("\n");
                Inlines(leaf.Inline);
                first = false;
            }

            xml.Close(cell);
        }

        xml.Close("tr").Line();
    }

    private void Figure(Figure figure)
    {
        var content = figure.Where(b => b is not (FigureCaption or BlankLineBlock)).ToList();
        var images = content.Select(Markdown.Blocks.ImageParagraph.ImagesOnly).ToList();
        if (content.Count == 0 || images.Any(i => i is null))
        {
            // Not a figure of images: its blocks and caption stay text.
            foreach (var block in content) Block(block);
            foreach (var caption in figure.OfType<FigureCaption>()) Block(new ParagraphBlock { Inline = caption.Inline });
            return;
        }

        xml.Open("fig").Line();
        foreach (var caption in figure.OfType<FigureCaption>())
        {
            xml.Open("caption").Open("p");
            Inlines(caption.Inline);
            xml.Close("p").Close("caption").Line();
        }

        foreach (var image in images.SelectMany(i => i!))
        {
            xml.Open("graphic", ("xlink:href", image.Url ?? string.Empty));
            xml.Element("alt-text", AltText(image));
            xml.Close("graphic").Line();
        }

        xml.Close("fig").Line();
    }

    // The image's text, formatting left out, as the web page's alt text.
    private static string AltText(LinkInline image) => Markdown.Blocks.HtmlImageFigureRenderer.AltText(image);
}

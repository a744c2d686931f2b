using System.Globalization;
using EditionBuilder.Markdown.Blocks;
using EditionBuilder.Markdown.Links;
using EditionBuilder.Markdown.Notes;
using EditionBuilder.Markdown.Paragraphs;
using EditionBuilder.Markdown.Safety;
using NoteKind = EditionBuilder.Model.NoteKind;
using Markdig.Extensions.Figures;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EditionBuilder.Pdf;

/// <summary>Writes the blocks and inlines of a parsed chapter, abstract or note as Typst: paragraphs with their numbers, headings, lists, quotations, tables, figures, emphasis, links, Latin runs isolated left to right, and each note reference as a footnote at the foot of its page (or a mark pointing to an endnote).</summary>
/// <param name="markup">Where the source goes.</param>
/// <param name="notes">The article's notes: which reference carries a footnote's text, and the marks.</param>
/// <param name="media">The article's images by their path in the chapters (<c>media/map.png</c>): the ones the compiler is given.</param>
/// <param name="archivedCopyLabel">The text of an archived copy's link (the theme's, in Arabic).</param>
public sealed class TypstBody(TypstMarkup markup, PdfNotes notes, IReadOnlySet<string> media, string archivedCopyLabel)
{
    private const string LtrSpan = "<span dir=\"ltr\">";

    // How many isolating spans are open in the current paragraph, so a closing tag the edition did not open is left alone.
    private int _openSpans;

    // Inside a note's text a reference is a mark, never a footnote inside a footnote.
    private int _noteDepth;

    /// <summary>The blocks of a chapter or abstract; headings one level below the chapter's own title.</summary>
    public void Blocks(ContainerBlock container)
    {
        foreach (var block in container) Block(block);
    }

    /// <summary>One block.</summary>
    public void Block(Block block)
    {
        switch (block)
        {
            case NoteGroup or LinkReferenceDefinitionGroup or BlankLineBlock or HtmlBlock:
                // Notes are set where they are referenced; raw HTML has no place in a printed page.
                break;
            case ThematicBreakBlock:
                markup.Raw("#align(center, line(length: 30%, stroke: 0.5pt))").Line().Line();
                break;
            case ParagraphBlock paragraph when Markdown.Blocks.ParagraphDirection.Of(paragraph) is { } direction:
                // A paragraph in the other direction: its base direction set for it alone.
                markup.Raw($"#[#set text(dir: {direction})").Line();
                Inlines(paragraph.Inline);
                markup.Line().Line().Raw("]").Line().Line();
                break;
            case ParagraphBlock paragraph:
                Inlines(paragraph.Inline);
                markup.Line().Line();
                break;
            case HeadingBlock heading:
                markup.Raw($"#heading(level: {Math.Min(heading.Level + 1, 6).ToString(CultureInfo.InvariantCulture)})[");
                Inlines(heading.Inline);
                markup.Raw("]").Line().Line();
                break;
            case QuoteBlock quote:
                markup.Raw("#quote(block: true)[").Line();
                Blocks(quote);
                markup.Raw("]").Line().Line();
                break;
            case ListBlock list:
                List(list);
                break;
            case CodeBlock code:
                var text = string.Join('\n', code.Lines.Lines.Take(code.Lines.Count).Select(l => l.Slice.ToString()));
                markup.Raw($"#raw(block: true, {TypstMarkup.Literal(text)})").Line().Line();
                break;
            case Table table:
                Table(table);
                break;
            case Figure figure:
                Figure(figure);
                break;
            case ContainerBlock other:
                Blocks(other);
                break;
            case LeafBlock leaf when leaf.Inline is not null:
                Inlines(leaf.Inline);
                markup.Line().Line();
                break;
        }
    }

    /// <summary>The inlines of a paragraph, title or cell.</summary>
    public void Inlines(ContainerInline? inlines)
    {
        if (inlines is null) return;
        var spansBefore = _openSpans;
        foreach (var inline in inlines) Inline(inline);
        // A Latin run's span never stays open past its paragraph (the isolator closes each one it opens).
        for (; _openSpans > spansBefore; _openSpans--) markup.Raw("]");
    }

    private void Inline(Inline inline)
    {
        switch (inline)
        {
            case LiteralInline literal:
                markup.Text(literal.Content.ToString());
                break;
            case ParagraphNumberInline number:
                markup.Raw($"#paragraph-number({TypstMarkup.Literal(number.Number)})");
                break;
            case NoteReferenceInline reference:
                NoteReference(reference);
                break;
            case ArchivedCopyInline copy:
                markup.Raw($"#link({TypstMarkup.Literal(copy.Url)})[").Text(archivedCopyLabel).Raw("]");
                break;
            case HtmlInline html:
                Html(html);
                break;
            case HtmlEntityInline entity:
                markup.Text(entity.Transcoded.ToString());
                break;
            case CodeInline code:
                markup.Raw($"#raw({TypstMarkup.Literal(code.Content)})");
                break;
            case LineBreakInline lineBreak:
                if (lineBreak.IsHard) markup.Raw("#linebreak()");
                else markup.Text(" ");
                break;
            case AutolinkInline autolink:
                markup.Raw($"#link({TypstMarkup.Literal(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url)})[").Text(autolink.Url).Raw("]");
                break;
            case LinkInline { IsImage: true } image:
                InlineImage(image);
                break;
            case LinkInline link:
                Link(link);
                break;
            case EmphasisInline emphasis:
                var function = Emphasis(emphasis);
                if (function is not null) markup.Raw($"#{function}[");
                Inlines(emphasis);
                if (function is not null) markup.Raw("]");
                break;
            case ContainerInline container:
                Inlines(container);
                break;
        }
    }

    // The edition's own markup: a Latin run isolated left to right, or a control character's visible mark.
    private void Html(HtmlInline html)
    {
        if (ControlCharacterMarker.CharacterOf(html) is { } character)
        {
            markup.Raw($"#raw({TypstMarkup.Literal("U+" + ((int)character).ToString("X4", CultureInfo.InvariantCulture))})");
        }
        else if (html.Tag == LtrSpan)
        {
            markup.Raw("#text(dir: ltr)[");
            _openSpans++;
        }
        else if (html.Tag == "</span>" && _openSpans > 0)
        {
            markup.Raw("]");
            _openSpans--;
        }
    }

    // A footnote's first reference carries its text (Typst sets it at the foot of that page); a later one points to it and shows the same mark.
    // An endnote's reference is its mark, linked to the note at the end.
    private void NoteReference(NoteReferenceInline reference)
    {
        var note = notes.Find(reference.Key);
        var mark = note?.Mark ?? reference.Key.Id;
        if (note is null || _noteDepth > 0 || reference.Key.Kind == NoteKind.Endnote)
        {
            markup.Raw("#super[");
            if (note is not null && reference.Key.Kind == NoteKind.Endnote) markup.Raw($"#link({TypstMarkup.Label(PdfNotes.LabelOf(reference.Key))})[").Text(mark).Raw("]");
            else markup.Text(mark);
            markup.Raw("]");
            return;
        }

        if (!notes.TakeFirstReference(reference.Key))
        {
            markup.Raw($"#footnote({TypstMarkup.Label(PdfNotes.LabelOf(reference.Key))})");
            return;
        }

        markup.Raw($"#footnote(numbering: _ => {TypstMarkup.Literal(mark)})[");
        NoteText(note.Definition);
        markup.Raw("]").Raw(TypstMarkup.Label(PdfNotes.LabelOf(reference.Key)));
    }

    /// <summary>A note's text: its paragraphs, separated as paragraphs.</summary>
    public void NoteText(NoteDefinition definition)
    {
        _noteDepth++;
        var first = true;
        foreach (var block in definition)
        {
            if (block is BlankLineBlock) continue;
            if (!first) markup.Raw("#parbreak()");
            if (block is LeafBlock { Inline: { } inlines }) Inlines(inlines);
            else Block(block);
            first = false;
        }

        _noteDepth--;
    }

    // *x* emphasis, **x** strong, ^x^ superscript, ~x~ subscript, ~~x~~ struck through, ++x++ underlined, %%x%% small capitals.
    private static string? Emphasis(EmphasisInline emphasis) => Markdown.EmphasisStyles.Of(emphasis) switch
    {
        Model.TextStyle.Emphasis => "emph",
        Model.TextStyle.Strong => "strong",
        Model.TextStyle.Superscript => "super",
        Model.TextStyle.Subscript => "sub",
        Model.TextStyle.Strikethrough => "strike",
        Model.TextStyle.Underline => "underline",
        Model.TextStyle.SmallCaps => "smallcaps",
        _ => null,
    };

    // A link to the web (or mail) stays a link; a link inside the site (another chapter) has no place on paper: its text alone.
    private void Link(LinkInline link)
    {
        var url = link.Url ?? string.Empty;
        var external = url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);
        if (external) markup.Raw($"#link({TypstMarkup.Literal(url)})[");
        Inlines(link);
        if (external) markup.Raw("]");
    }

    private void InlineImage(LinkInline image)
    {
        if (ImagePath(image) is { } path) markup.Raw($"#box(height: 1.2em, {Image(path, image)})");
        else markup.Text(AltText(image));
    }

    // An image the compiler is given (one of the article's media files), as a Typst expression; null for any other address.
    private string? ImagePath(LinkInline image) => image.Url is { } url && media.Contains(url) ? "/" + url : null;

    private static string Image(string path, LinkInline image) =>
        $"image({TypstMarkup.Literal(path)}, alt: {TypstMarkup.Literal(AltText(image))})";

    private void List(ListBlock list)
    {
        var ordered = list.IsOrdered;
        var start = ordered && int.TryParse(list.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out var first) ? first : 1;
        markup.Raw(ordered ? $"#enum(start: {start.ToString(CultureInfo.InvariantCulture)}" : "#list(");
        var items = list.OfType<ListItemBlock>().ToList();
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0 || ordered) markup.Raw(", ");
            markup.Raw("[");
            Blocks(items[i]);
            markup.Raw("]");
        }

        markup.Raw(")").Line().Line();
    }

    private void Table(Table table)
    {
        var rows = table.OfType<TableRow>().ToList();
        // Where each cell stands in the grid, merged cells (column and row spans) taken into account.
        var grid = TableSpans.Grid(table);
        var taken = new int[rows.Count]; // the places of each row taken by its own cells or by cells above spanning into it
        var columns = 1;
        for (var r = 0; r < rows.Count; r++)
        {
            var cells = rows[r].OfType<TableCell>().ToList();
            for (var i = 0; i < cells.Count; i++)
            {
                var width = Math.Max(1, cells[i].ColumnSpan);
                columns = Math.Max(columns, grid[rows[r]][i] + width);
                for (var below = r; below < Math.Min(rows.Count, r + Math.Max(1, cells[i].RowSpan)); below++) taken[below] += width;
            }
        }

        markup.Raw($"#figure(kind: table, table(columns: {columns.ToString(CultureInfo.InvariantCulture)}, align: start,").Line();
        var header = rows.TakeWhile(r => r.IsHeader).ToList();
        if (header.Count > 0)
        {
            markup.Raw("table.header(");
            foreach (var row in header) Row(row, columns - taken[rows.IndexOf(row)]);
            markup.Raw("),").Line();
        }

        foreach (var row in rows.Skip(header.Count)) Row(row, columns - taken[rows.IndexOf(row)]);
        markup.Raw("))").Line().Line();
    }

    // Each cell as content (a merged one as a table.cell with its spans), a short row filled with empty cells so the next row starts in the first column.
    private void Row(TableRow row, int missing)
    {
        var cells = row.OfType<TableCell>().ToList();
        foreach (var cell in cells)
        {
            var spans = new List<string>();
            if (cell.ColumnSpan > 1) spans.Add("colspan: " + cell.ColumnSpan.ToString(CultureInfo.InvariantCulture));
            if (cell.RowSpan > 1) spans.Add("rowspan: " + cell.RowSpan.ToString(CultureInfo.InvariantCulture));
            if (spans.Count > 0) markup.Raw("table.cell(" + string.Join(", ", spans) + ")");
            markup.Raw("[");
            var first = true;
            foreach (var block in cell)
            {
                if (block is not LeafBlock { Inline: not null } leaf) continue;
                if (!first) markup.Raw("#linebreak()");
                Inlines(leaf.Inline);
                first = false;
            }

            markup.Raw("], ");
        }

        for (var i = 0; i < missing; i++) markup.Raw("[], ");
        markup.Line();
    }

    private void Figure(Figure figure)
    {
        var content = figure.Where(b => b is not (FigureCaption or BlankLineBlock)).ToList();
        var images = content.Select(Markdown.Blocks.ImageParagraph.ImagesOnly).ToList();
        var captions = figure.OfType<FigureCaption>().ToList();
        if (content.Count == 0 || images.Any(i => i is null) || images.SelectMany(i => i!).Any(i => ImagePath(i) is null))
        {
            // Not a figure of images the compiler has: its blocks and caption stay text.
            foreach (var block in content) Block(block);
            foreach (var caption in captions)
            {
                Inlines(caption.Inline);
                markup.Line().Line();
            }

            return;
        }

        var pictures = images.SelectMany(i => i!).Select(i => Image(ImagePath(i)!, i)).ToList();
        var body = pictures.Count == 1 ? pictures[0] : $"stack(dir: ttb, spacing: 0.5em, {string.Join(", ", pictures)})";
        markup.Raw($"#figure({body}");
        if (captions.Count > 0)
        {
            markup.Raw(", caption: [");
            foreach (var caption in captions) Inlines(caption.Inline);
            markup.Raw("]");
        }

        markup.Raw(")").Line().Line();
    }

    private static string AltText(LinkInline image) => Markdown.Blocks.HtmlImageFigureRenderer.AltText(image);
}

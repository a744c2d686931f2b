using System.Globalization;
using System.Text;
using EditionBuilder.Diagnostics;
using EditionBuilder.Markdown.Anchors;
using EditionBuilder.Markdown.Blocks;
using EditionBuilder.Markdown.Notes;
using EditionBuilder.Model;
using Markdig;
using Markdig.Extensions.Figures;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Block = EditionBuilder.Model.Block;
using Figure = EditionBuilder.Model.Figure;
using MarkdigFigure = Markdig.Extensions.Figures.Figure;
using Inline = EditionBuilder.Model.Inline;
using MarkdigBlock = Markdig.Syntax.Block;
using MarkdigInline = Markdig.Syntax.Inlines.Inline;
using MarkdigTable = Markdig.Extensions.Tables.Table;
using MarkdigTableCell = Markdig.Extensions.Tables.TableCell;
using MarkdigTableRow = Markdig.Extensions.Tables.TableRow;

namespace EditionBuilder.Markdown;

/// <summary>Reads Markdown chapters back into the model, so that import then read gives the same article.</summary>
public static class ChapterReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseEditionBlocks().UseEditionNotes().Build();

    /// <summary>A chapter file read back: its front matter and the chapter it holds.</summary>
    public sealed record ReadChapter(ChapterFrontMatter FrontMatter, Chapter Chapter);

    public static ReadChapter? Read(string path, string text, DiagnosticBag diagnostics)
    {
        var parts = FrontMatter.Split(text);
        var front = FrontMatter.Read(path, parts.Yaml, diagnostics, parts.Unclosed);
        if (front is null) return null;

        var document = Markdig.Markdown.Parse(parts.Body, Pipeline);
        var notes = new List<Note>();
        var blocks = ReadBlocks(document.Where(b => b is not NoteGroup), parts.BodyLine);
        foreach (var group in document.OfType<NoteGroup>())
        {
            foreach (var definition in group.OfType<NoteDefinition>())
            {
                if (notes.Any(n => n.Key == definition.Key))
                {
                    diagnostics.Error(DiagnosticCodes.ChapterNoteDuplicate, path, definition.Line + parts.BodyLine, 1,
                        $"note {definition.Key} is defined twice");
                    continue;
                }

                var paragraphs = definition.OfType<ParagraphBlock>().Select(p => ReadParagraph(p, parts.BodyLine)).ToList();
                notes.Add(new Note(definition.Key.Kind, definition.Key.Id, definition.Mark, paragraphs, definition.Line + parts.BodyLine));
            }
        }

        return new ReadChapter(front, new Chapter(front.Order, front.Title, front.Slug, blocks, notes) { Language = front.Lang.Length > 0 ? front.Lang : "ar" });
    }

    /// <summary>Reads an abstract file: its front matter and its paragraphs as plain text.</summary>
    public static Abstract? ReadAbstract(string path, string text, DiagnosticBag diagnostics)
    {
        var read = Read(path, text, diagnostics);
        if (read is null) return null;
        return new Abstract(read.FrontMatter.Lang, read.FrontMatter.Title, read.Chapter.Paragraphs.Select(p => p.PlainText).ToList());
    }

    private static List<Block> ReadBlocks(IEnumerable<MarkdigBlock> blocks, int bodyLine)
    {
        var result = new List<Block>();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case ParagraphBlock paragraph:
                    result.Add(ReadParagraph(paragraph, bodyLine));
                    break;
                case HeadingBlock heading:
                    result.Add(new Heading(heading.Level, ReadInlines(heading.Inline)));
                    break;
                case QuoteBlock quote:
                    result.Add(new Quote(ReadBlocks(quote, bodyLine)));
                    break;
                case ListBlock list:
                    var start = list.IsOrdered && int.TryParse(list.OrderedStart, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 1;
                    result.Add(new ItemList(list.IsOrdered, start, list.OfType<ListItemBlock>().Select(i => new ListItem(ReadBlocks(i, bodyLine))).ToList()));
                    break;
                case MarkdigTable table:
                    result.Add(ReadTable(table));
                    break;
                case MarkdigFigure figure when HtmlImageFigureRenderer.ImageOf(figure) is { } image:
                    var caption = figure.OfType<FigureCaption>().FirstOrDefault();
                    result.Add(new Figure(image.Url ?? string.Empty, HtmlImageFigureRenderer.AltText(image), ReadInlines(caption?.Inline)));
                    break;
                case MarkdigFigure figure:
                    result.AddRange(ReadBlocks(figure.Where(b => b is not FigureCaption), bodyLine));
                    result.AddRange(figure.OfType<FigureCaption>().Select(c => new Paragraph(ReadInlines(c.Inline))));
                    break;
                case ContainerBlock container:
                    result.AddRange(ReadBlocks(container, bodyLine));
                    break;
                default:
                    var text = Flatten(block);
                    if (text.Length > 0) result.Add(new Paragraph([new TextRun(text)], block.Line + bodyLine));
                    break;
            }
        }

        return result;
    }

    private static Paragraph ReadParagraph(ParagraphBlock paragraph, int bodyLine) =>
        new(ReadInlines(paragraph.Inline), paragraph.Line + bodyLine)
        {
            Direction = ParagraphDirection.Of(paragraph) switch
            {
                "ltr" => TextDirection.LeftToRight,
                "rtl" => TextDirection.RightToLeft,
                _ => null,
            },
        };

    private static Table ReadTable(MarkdigTable table)
    {
        var rows = table.OfType<MarkdigTableRow>().ToList();
        var header = rows.Count > 0 && rows[0].IsHeader ? 1 : 0;
        // Merged cells come with their spans: the places they cover are the model's again (Left and Up), as the writer wrote them.
        var grid = TableSpans.Grid(table);
        var places = rows.Select(_ => new SortedDictionary<int, TableCell>()).ToList();
        for (var r = 0; r < rows.Count; r++)
        {
            var cells = rows[r].OfType<MarkdigTableCell>().ToList();
            for (var i = 0; i < cells.Count; i++)
            {
                var column = grid[rows[r]][i];
                var width = Math.Max(1, cells[i].ColumnSpan);
                var height = Math.Max(1, cells[i].RowSpan);
                places[r][column] = new TableCell(ReadInlines(cells[i].OfType<LeafBlock>().Select(b => b.Inline)));
                for (var k = 1; k < width; k++) places[r][column + k] = new TableCell([]) { Merge = CellMerge.Left };
                for (var below = r + 1; below < Math.Min(rows.Count, r + height); below++)
                {
                    for (var k = 0; k < width; k++) places[below][column + k] = new TableCell([]) { Merge = CellMerge.Up };
                }
            }
        }

        // A gap (a row shorter than a span above it) is an empty cell, as a short pipe-table row is.
        return new Table(
            places.Select(p => new TableRow(Enumerable.Range(0, p.Count == 0 ? 0 : p.Keys.Max() + 1).Select(c => p.TryGetValue(c, out var cell) ? cell : new TableCell([])).ToList())).ToList(),
            header);
    }

    private static List<Inline> ReadInlines(ContainerInline? container) => ReadInlines([container]);

    /// <summary>The inlines of Markdown text read as one paragraph (empty when it is not one).</summary>
    internal static List<Inline> ReadInlines(string markdown) =>
        Markdig.Markdown.Parse(markdown, Pipeline) is [ParagraphBlock paragraph] ? ReadInlines(paragraph.Inline) : [];

    // Neighbouring text is one run, as the importers make it.
    private static List<Inline> ReadInlines(IEnumerable<ContainerInline?> containers)
    {
        var inlines = new List<Inline>();
        var text = new StringBuilder();
        foreach (var container in containers) Append(container);
        Flush();
        return inlines;

        void Flush()
        {
            if (text.Length > 0) inlines.Add(new TextRun(text.ToString()));
            text.Clear();
        }

        void Append(ContainerInline? parent)
        {
            if (parent is null) return;
            foreach (var inline in parent)
            {
                switch (inline)
                {
                    case NoteReferenceInline reference:
                        Flush();
                        inlines.Add(new NoteReference(reference.Key.Kind, reference.Key.Id));
                        break;
                    case AnchorInline anchor:
                        Flush();
                        inlines.Add(new Anchor(anchor.Id));
                        break;
                    case LiteralInline literal:
                        text.Append(literal.Content.AsSpan());
                        break;
                    case CodeInline code:
                        text.Append(code.Content);
                        break;
                    case LineBreakInline { IsHard: true }:
                        Flush();
                        inlines.Add(new LineBreak());
                        break;
                    case LineBreakInline:
                        text.Append(' ');
                        break;
                    case HtmlEntityInline entity:
                        text.Append(entity.Transcoded.AsSpan());
                        break;
                    case EmphasisInline emphasis when EmphasisStyles.Of(emphasis) is { } style:
                        Flush();
                        inlines.Add(new Styled(style, ReadInlines(emphasis)));
                        break;
                    case LinkInline { IsImage: true } image:
                        text.Append(HtmlImageFigureRenderer.AltText(image));
                        break;
                    case LinkInline link:
                        Flush();
                        inlines.Add(new Link(link.Url ?? string.Empty, ReadInlines(link)));
                        break;
                    case AutolinkInline autolink:
                        Flush();
                        inlines.Add(new Link(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url, [new TextRun(autolink.Url)]));
                        break;
                    case ContainerInline nested:
                        Append(nested);
                        break;
                }
            }
        }
    }

    private static string Flatten(MarkdigBlock block)
    {
        if (block is LeafBlock leaf)
        {
            return leaf.Inline is not null
                ? string.Concat(leaf.Inline.Descendants<LiteralInline>().Select(l => l.Content.ToString()))
                : leaf.Lines.ToString();
        }

        return block is ContainerBlock container ? string.Join(' ', container.Select(Flatten)) : string.Empty;
    }
}

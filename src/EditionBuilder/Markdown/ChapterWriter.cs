using System.Globalization;
using System.Text;
using EditionBuilder.Markdown.Anchors;
using EditionBuilder.Markdown.Blocks;
using EditionBuilder.Markdown.Notes;
using EditionBuilder.Model;

namespace EditionBuilder.Markdown;

/// <summary>Writes a chapter or an abstract in the Markdown chapter format (docs/markdown-format.md): front matter, escaped text, blocks, notes.</summary>
public static class ChapterWriter
{
    private const string NoteIndent = "    ";

    /// <summary>Writes the chapter as <see cref="MarkdownNormalizer"/> shapes it (reading the Markdown back gives that chapter).</summary>
    public static string Write(Chapter chapter)
    {
        chapter = MarkdownNormalizer.Normalize(chapter);
        var builder = new StringBuilder();
        builder.Append(FrontMatter.Write(new ChapterFrontMatter
        {
            Title = chapter.Title,
            Lang = chapter.Language,
            Dir = chapter.Direction,
            Order = chapter.Order,
            Slug = chapter.Slug,
        }));

        foreach (var line in BlocksLines(chapter.Blocks))
        {
            // Blocks are separated by one blank line; the first is preceded by one, after the front matter.
            builder.Append(line).Append('\n');
        }

        if (chapter.Notes.Count > 0) builder.Append('\n');
        foreach (var note in chapter.Notes)
        {
            builder.Append(WriteNote(note));
        }

        return builder.ToString();
    }

    public static string Write(Abstract summary)
    {
        var builder = new StringBuilder();
        builder.Append(FrontMatter.Write(new ChapterFrontMatter
        {
            Title = summary.Title,
            Lang = summary.Language,
            Dir = summary.Language == "ar" ? "rtl" : "ltr",
            Order = 0,
            Slug = "abstract",
        }));

        foreach (var paragraph in summary.Paragraphs)
        {
            builder.Append('\n').Append(MarkdownEscaper.Escape(paragraph, atLineStart: true)).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>A paragraph's inlines as Markdown (line breaks as "\" and a new line); the inlines are taken as they are.</summary>
    public static string WriteInlines(IReadOnlyList<Inline> inlines)
    {
        var builder = new StringBuilder();
        var lineStart = true;
        WriteInlines(builder, inlines, ref lineStart, string.Empty);
        return builder.ToString();
    }

    // Each block's lines, every block preceded by a blank line.
    private static List<string> BlocksLines(IReadOnlyList<Block> blocks)
    {
        var lines = new List<string>();
        var listRun = 0;
        Block? previous = null;
        foreach (var block in blocks)
        {
            listRun = block is ItemList list && previous is ItemList before && before.Ordered == list.Ordered ? listRun + 1 : 0;
            lines.Add(string.Empty);
            lines.AddRange(BlockLines(block, listRun));
            previous = block;
        }

        return lines;
    }

    private static IEnumerable<string> BlockLines(Block block, int listRun) => block switch
    {
        Paragraph p => ParagraphText(p).Split('\n'),
        Heading h => [new string('#', h.Level) + " " + LineText(h.Inlines, "#")],
        Quote q => Contained(BlocksLines(q.Blocks).Skip(1), "> ", ">", "> "),
        ItemList l => ListLines(l, listRun),
        Table t => TableLines(t),
        Figure f => FigureLines(f),
        _ => [],
    };

    private static string ParagraphText(Paragraph paragraph)
    {
        var marker = paragraph.Direction switch
        {
            TextDirection.LeftToRight => ParagraphDirection.LeftToRight,
            TextDirection.RightToLeft => ParagraphDirection.RightToLeft,
            _ => string.Empty,
        };
        return marker + WriteInlines(paragraph.Inlines);
    }

    private static string LineText(IReadOnlyList<Inline> inlines, string alsoEscaped)
    {
        var builder = new StringBuilder();
        var lineStart = false;
        WriteInlines(builder, inlines, ref lineStart, alsoEscaped);
        return builder.ToString();
    }

    // Lines inside a container: the first with its marker, the others indented (or prefixed, in a quote); blank lines stay bare.
    private static IEnumerable<string> Contained(IEnumerable<string> lines, string first, string blank, string rest)
    {
        var isFirst = true;
        foreach (var line in lines)
        {
            yield return line.Length == 0 ? blank : (isFirst ? first : rest) + line;
            isFirst = false;
        }
    }

    // Two lists of one kind in a row would read as one: the second uses the other bullet ('*') or delimiter (')').
    private static IEnumerable<string> ListLines(ItemList list, int listRun)
    {
        var loose = list.Items.Any(i => i.Blocks.Count > 1);
        var lines = new List<string>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            if (i > 0 && loose) lines.Add(string.Empty);
            var marker = list.Ordered
                ? (list.Start + i).ToString(CultureInfo.InvariantCulture) + (listRun % 2 == 0 ? ". " : ") ")
                : listRun % 2 == 0 ? "- " : "* ";
            lines.AddRange(Contained(BlocksLines(list.Items[i].Blocks).Skip(1), marker, string.Empty, new string(' ', marker.Length)));
        }

        return lines;
    }

    // A pipe table always has a header row: a table without one gets an empty header, which reading drops.
    private static IEnumerable<string> TableLines(Table table)
    {
        var columns = table.Columns;
        string Row(IEnumerable<string> cells) => "| " + string.Join(" | ", cells) + " |";
        var header = table.HeaderRows > 0 ? table.Rows[0].Cells.Select(CellText) : Enumerable.Repeat(string.Empty, columns);
        yield return Row(header);
        yield return Row(Enumerable.Repeat("---", columns));
        foreach (var row in table.Rows.Skip(table.HeaderRows))
        {
            yield return Row(row.Cells.Select(CellText));
        }
    }

    // A place a merged cell covers is written as its marker (<< covered from the left, ^^ from above), never as text.
    private static string CellText(TableCell cell) => cell.Merge switch
    {
        CellMerge.Left => TableSpans.LeftMarker,
        CellMerge.Up => TableSpans.UpMarker,
        _ => LineText(cell.Inlines, string.Empty),
    };

    // ^^^ fences a figure: the image alone, then the caption on the closing fence.
    private static IEnumerable<string> FigureLines(Figure figure)
    {
        yield return "^^^";
        yield return "![" + MarkdownEscaper.Escape(figure.AltText, atLineStart: false) + "](" + MarkdownEscaper.Url(figure.Source) + ")";
        yield return figure.Caption.Count > 0 ? "^^^ " + LineText(figure.Caption, string.Empty) : "^^^";
    }

    private static void WriteInlines(StringBuilder builder, IReadOnlyList<Inline> inlines, ref bool lineStart, string alsoEscaped)
    {
        for (var i = 0; i < inlines.Count; i++)
        {
            switch (inlines[i])
            {
                case TextRun text:
                    // "[^N]:" or "[^N]{x}:" would define a note: escape what follows a reference.
                    if (i > 0 && inlines[i - 1] is NoteReference && text.Text.Length > 0 && text.Text[0] is ':' or '{') builder.Append('\\');
                    builder.Append(MarkdownEscaper.Escape(text.Text, lineStart, alsoEscaped));
                    break;
                case LineBreak:
                    builder.Append("\\\n");
                    lineStart = true;
                    continue;
                case NoteReference reference:
                    builder.Append(NoteLabel.Write(reference.Key));
                    break;
                case Anchor anchor:
                    builder.Append(AnchorParser.Write(anchor.Id));
                    break;
                case Styled styled:
                    var delimiter = MarkdownNormalizer.Delimiter(styled.Style);
                    builder.Append(delimiter);
                    lineStart = false;
                    WriteInlines(builder, styled.Children, ref lineStart, alsoEscaped);
                    builder.Append(delimiter);
                    break;
                case Link link:
                    builder.Append('[');
                    lineStart = false;
                    WriteInlines(builder, link.Children, ref lineStart, alsoEscaped);
                    builder.Append("](").Append(MarkdownEscaper.Url(link.Url)).Append(')');
                    break;
            }

            lineStart = false;
        }
    }

    // A note's first paragraph follows its label; each line break and each further paragraph goes on an indented line.
    private static string WriteNote(Note note)
    {
        var builder = new StringBuilder();
        builder.Append(NoteLabel.Write(note.Key));
        if (note.Mark != note.Id) builder.Append(NoteLabel.WriteMark(note.Mark));
        builder.Append(':');
        for (var p = 0; p < note.Paragraphs.Count; p++)
        {
            var lines = ParagraphText(note.Paragraphs[p]).Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (p == 0 && i == 0) builder.Append(' ');
                else builder.Append('\n').Append(NoteIndent);
                builder.Append(lines[i]);
            }

            if (p + 1 < note.Paragraphs.Count) builder.Append('\n');
        }

        return builder.Append('\n').ToString();
    }
}

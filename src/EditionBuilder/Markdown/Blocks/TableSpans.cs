using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace EditionBuilder.Markdown.Blocks;

/// <summary>
/// Merged cells in a pipe table (docs/markdown-format.md): a cell holding only <c>&lt;&lt;</c> is covered by the cell to
/// its left, one holding only <c>^^</c> by the cell above; the covering cell gets the column or row span and the covered
/// places leave the row, so every writer (site, e-book, JATS, PDF) sees spans. A marker written escaped (<c>\&lt;\&lt;</c>)
/// is text, and a marker with nothing to cover (first column, first row, across the header) stays an empty cell.
/// </summary>
public static class TableSpans
{
    /// <summary>Written in a cell covered by the cell to its left.</summary>
    public const string LeftMarker = "<<";

    /// <summary>Written in a cell covered by the cell above.</summary>
    public const string UpMarker = "^^";

    public static void Apply(MarkdownDocument document)
    {
        foreach (var table in document.Descendants<Table>().ToList()) Apply(table);
    }

    private static void Apply(Table table)
    {
        var rows = table.OfType<TableRow>().ToList();
        // The cell each place of the grid belongs to, and that cell's first row.
        var origin = rows.Select(r => new (TableCell Cell, int Row)?[r.Count]).ToArray();
        var covered = new List<(TableRow Row, TableCell Cell)>();
        for (var r = 0; r < rows.Count; r++)
        {
            var cells = rows[r].OfType<TableCell>().ToList();
            for (var c = 0; c < cells.Count; c++)
            {
                var cell = cells[c];
                cell.ColumnIndex = c;
                var marker = Marker(cell);
                (TableCell Cell, int Row)? owner = null;
                if (marker == LeftMarker && c > 0) owner = origin[r][c - 1];
                else if (marker == UpMarker && r > 0 && rows[r - 1].IsHeader == rows[r].IsHeader && c < origin[r - 1].Length) owner = origin[r - 1][c];

                if (owner is not { } o)
                {
                    // A marker with nothing to cover is an empty cell, never the marker shown as text.
                    if (marker is not null) cell.Clear();
                    origin[r][c] = (cell, r);
                    continue;
                }

                origin[r][c] = o;
                covered.Add((rows[r], cell));
                if (marker == LeftMarker && o.Row == r) o.Cell.ColumnSpan = Math.Max(o.Cell.ColumnSpan, c - o.Cell.ColumnIndex + 1);
                if (marker == UpMarker) o.Cell.RowSpan = Math.Max(o.Cell.RowSpan, r - o.Row + 1);
            }
        }

        foreach (var (row, cell) in covered) row.Remove(cell);
    }

    // The marker a cell holds, written unescaped: its text is exactly "<<" or "^^" and no character of it came from a backslash.
    private static string? Marker(TableCell cell)
    {
        if (cell.Count != 1 || cell[0] is not ParagraphBlock { Inline: { } inline }) return null;
        var text = new System.Text.StringBuilder();
        foreach (var child in inline)
        {
            if (child is not LiteralInline { IsFirstCharacterEscaped: false } literal) return null;
            text.Append(literal.Content.AsSpan());
        }

        var value = text.ToString().Trim();
        return value is LeftMarker or UpMarker ? value : null;
    }

    /// <summary>Every row's cells' grid columns, taking the places covered by row spans from above into account.</summary>
    public static Dictionary<TableRow, IReadOnlyList<int>> Grid(Table table)
    {
        var result = new Dictionary<TableRow, IReadOnlyList<int>>();
        var busyUntil = new Dictionary<int, int>(); // column → the last row a cell above covers it in
        var r = 0;
        foreach (var row in table.OfType<TableRow>())
        {
            var columns = new List<int>();
            var c = 0;
            foreach (var cell in row.OfType<TableCell>())
            {
                while (busyUntil.TryGetValue(c, out var until) && until >= r) c++;
                columns.Add(c);
                for (var k = 0; k < Math.Max(1, cell.ColumnSpan); k++) busyUntil[c + k] = r + Math.Max(1, cell.RowSpan) - 1;
                c += Math.Max(1, cell.ColumnSpan);
            }

            result[row] = columns;
            r++;
        }

        return result;
    }
}

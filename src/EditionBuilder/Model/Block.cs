namespace EditionBuilder.Model;

/// <summary>A block of a chapter: a paragraph, a heading inside the chapter, a quote, a list, a table or a figure.</summary>
public abstract record Block;

/// <summary>The direction a paragraph is written in, when it differs from its chapter's.</summary>
public enum TextDirection
{
    RightToLeft,
    LeftToRight,
}

/// <summary>A heading below the chapter's own (level 2 to 6), kept inside the chapter.</summary>
public sealed record Heading(int Level, IReadOnlyList<Inline> Inlines) : Block
{
    public bool Equals(Heading? other) => other is not null && Level == other.Level && Inlines.SequenceEqual(other.Inlines);

    public override int GetHashCode() => HashCode.Combine(Level, Inlines.Count);
}

/// <summary>A block quotation: Word's Quote styles or an indented passage.</summary>
public sealed record Quote(IReadOnlyList<Block> Blocks) : Block
{
    public bool Equals(Quote? other) => other is not null && Blocks.SequenceEqual(other.Blocks);

    public override int GetHashCode() => Blocks.Count;
}

/// <summary>A numbered (from <paramref name="Start"/>) or bulleted list.</summary>
public sealed record ItemList(bool Ordered, int Start, IReadOnlyList<ListItem> Items) : Block
{
    public bool Equals(ItemList? other) =>
        other is not null && Ordered == other.Ordered && (!Ordered || Start == other.Start) && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => HashCode.Combine(Ordered, Items.Count);
}

/// <summary>One item of a list: its blocks (paragraphs, nested lists).</summary>
public sealed record ListItem(IReadOnlyList<Block> Blocks)
{
    public bool Equals(ListItem? other) => other is not null && Blocks.SequenceEqual(other.Blocks);

    public override int GetHashCode() => Blocks.Count;
}

/// <summary>A table: rows of cells in reading order (the first cell of a right-to-left row is its rightmost); the first <paramref name="HeaderRows"/> rows (0 or 1) are its header.</summary>
public sealed record Table(IReadOnlyList<TableRow> Rows, int HeaderRows) : Block
{
    public int Columns => Rows.Count == 0 ? 0 : Rows.Max(r => r.Cells.Count);

    public bool Equals(Table? other) => other is not null && HeaderRows == other.HeaderRows && Rows.SequenceEqual(other.Rows);

    public override int GetHashCode() => HashCode.Combine(HeaderRows, Rows.Count);
}

/// <summary>One row of a table.</summary>
public sealed record TableRow(IReadOnlyList<TableCell> Cells)
{
    public bool Equals(TableRow? other) => other is not null && Cells.SequenceEqual(other.Cells);

    public override int GetHashCode() => Cells.Count;
}

/// <summary>One cell of a table: a line of inlines (a pipe table cell holds no line break), or a place a merged cell covers.</summary>
public sealed record TableCell(IReadOnlyList<Inline> Inlines)
{
    /// <summary>None for a cell of its own; Left or Up for a place covered by the cell to its left or above (Word's merged cells).</summary>
    public CellMerge Merge { get; init; }

    public bool Equals(TableCell? other) => other is not null && Merge == other.Merge && Inlines.SequenceEqual(other.Inlines);

    public override int GetHashCode() => HashCode.Combine(Merge, Inlines.Count);
}

/// <summary>Whether a place of a table's grid is a cell of its own or covered by a merged cell, and by which.</summary>
public enum CellMerge
{
    /// <summary>A cell of its own.</summary>
    None,

    /// <summary>Covered by the cell to its left (in reading order, the one before it): a column span.</summary>
    Left,

    /// <summary>Covered by the cell above it: a row span.</summary>
    Up,
}

/// <summary>An image of the article (a path under the chapter folder, "media/image1.png") with its alt text and caption.</summary>
public sealed record Figure(string Source, string AltText, IReadOnlyList<Inline> Caption) : Block
{
    public bool Equals(Figure? other) =>
        other is not null && Source == other.Source && AltText == other.AltText && Caption.SequenceEqual(other.Caption);

    public override int GetHashCode() => HashCode.Combine(Source, AltText);
}

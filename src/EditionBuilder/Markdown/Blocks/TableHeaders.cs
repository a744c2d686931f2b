using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace EditionBuilder.Markdown.Blocks;

/// <summary>A pipe table always has a header row; a table without one is written with an empty header, which is dropped here.</summary>
public static class TableHeaders
{
    public static void DropEmpty(MarkdownDocument document)
    {
        foreach (var table in document.Descendants<Table>())
        {
            if (table.Count > 0 && table[0] is TableRow { IsHeader: true } header && header.OfType<TableCell>().All(IsEmpty)) table.RemoveAt(0);
        }
    }

    private static bool IsEmpty(TableCell cell) =>
        cell.All(b => b is LeafBlock { Inline: null or { FirstChild: null } });
}

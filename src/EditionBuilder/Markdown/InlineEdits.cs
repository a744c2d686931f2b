using Markdig.Syntax.Inlines;

namespace EditionBuilder.Markdown;

/// <summary>Replaces one inline of a parsed document by several, in order: the shared step of the document transforms (links, Latin runs, control marks).</summary>
public static class InlineEdits
{
    public static void ReplaceWith(Inline old, IReadOnlyList<Inline> pieces)
    {
        InsertAfter(old, pieces);
        old.Remove();
    }

    public static void InsertAfter(Inline anchor, IReadOnlyList<Inline> pieces)
    {
        var current = anchor;
        foreach (var piece in pieces)
        {
            current.InsertAfter(piece);
            current = piece;
        }
    }
}

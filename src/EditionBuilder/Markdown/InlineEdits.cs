using Markdig.Syntax.Inlines;

namespace EditionBuilder.Markdown;

/// <summary>Replaces one inline of a parsed document by several, in order: the shared step of the document transforms (links, Latin runs, control marks).</summary>
public static class InlineEdits
{
    public static void ReplaceWith(Inline old, IReadOnlyList<Inline> pieces)
    {
        var current = old;
        foreach (var piece in pieces)
        {
            current.InsertAfter(piece);
            current = piece;
        }

        old.Remove();
    }
}

using Markdig.Syntax.Inlines;

namespace EditionBuilder.Markdown.Notes;

/// <summary>A reference <c>[^N]</c> to note N.</summary>
public sealed class NoteReferenceInline : LeafInline
{
    public int Number { get; init; }

    /// <summary>1 for the first reference to this note in the document, 2 for the second, and so on.</summary>
    public int Occurrence { get; set; } = 1;

    /// <summary>The definition in the same document, or null when the note is defined elsewhere.</summary>
    public NoteDefinition? Definition { get; set; }

    /// <summary>The id of this reference: fnref-N, then fnref-N-2 for a second reference.</summary>
    public string Id => Occurrence == 1 ? $"fnref-{Number}" : $"fnref-{Number}-{Occurrence}";
}

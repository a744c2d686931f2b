using EditionBuilder.Model;
using Markdig.Syntax.Inlines;

namespace EditionBuilder.Markdown.Notes;

/// <summary>A reference <c>[^7]</c> or <c>[^en:iv]</c> to a note.</summary>
public sealed class NoteReferenceInline : LeafInline
{
    public NoteKey Key { get; init; }

    /// <summary>The id read as a number; 0 when the id is not a number.</summary>
    public int Number => int.TryParse(Key.Id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;

    /// <summary>1 for the first reference to this note in the document, 2 for the second, and so on.</summary>
    public int Occurrence { get; set; } = 1;

    /// <summary>The definition in the same document, or null when the note is defined elsewhere.</summary>
    public NoteDefinition? Definition { get; set; }

    /// <summary>The id of this reference: fnref-N (enref-N), then fnref-N-2 for a second reference.</summary>
    public string Id => Occurrence == 1 ? Key.ReferenceHtmlId : $"{Key.ReferenceHtmlId}-{Occurrence}";
}

using EditionBuilder.Markdown.Notes;
using EditionBuilder.Model;
using EditionBuilder.Parse;

namespace EditionBuilder.Jats;

/// <summary>The notes of an article as JATS holds them: each note's id (the site's: <c>fn-N</c>, <c>en-N</c> for an endnote), the mark the author's document shows, and whether it is an endnote.</summary>
public sealed class JatsNotes(NoteLocations index)
{
    /// <summary>The notes of an article.</summary>
    public static JatsNotes Of(ParsedArticle article) => new(article.Notes);

    /// <summary>The id of the note a reference points to (its <c>fn</c>'s id).</summary>
    public static string IdOf(NoteReferenceInline reference) => reference.Key.HtmlId;

    /// <summary>The id of a note's <c>fn</c>.</summary>
    public static string IdOf(NoteDefinition definition) => definition.Key.HtmlId;

    /// <summary>The mark the author's document shows for a note.</summary>
    public static string Mark(NoteDefinition definition) => definition.Mark;

    /// <summary>False for a footnote; true for an endnote, which goes to its own <c>fn-group</c>.</summary>
    public static bool IsEndnote(NoteDefinition definition) => definition.Key.Kind == NoteKind.Endnote;

    /// <summary>The mark a reference shows: its note's, wherever that is defined.</summary>
    public string Mark(NoteReferenceInline reference) =>
        reference.Definition?.Mark ?? index.InPage(reference.Key)?.Mark ?? reference.Key.Id;
}

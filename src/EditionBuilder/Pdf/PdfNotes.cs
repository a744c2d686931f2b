using EditionBuilder.Markdown.Notes;
using EditionBuilder.Model;
using EditionBuilder.Parse;
using Markdig.Syntax;

namespace EditionBuilder.Pdf;

/// <summary>The notes of an article as the PDF sets them: each note's definition (whichever chapter holds it) and mark, which footnotes have been set already (a footnote's text goes with its first reference), and the notes no reference sets at a foot of page (endnotes, and footnotes nothing cites).</summary>
public sealed class PdfNotes
{
    private readonly Dictionary<NoteKey, PdfNote> _notes = new();
    private readonly HashSet<NoteKey> _set = new();

    private PdfNotes(IEnumerable<NoteDefinition> definitions)
    {
        foreach (var definition in definitions) _notes.TryAdd(definition.Key, new PdfNote(definition, definition.Mark.Length > 0 ? definition.Mark : definition.Key.Id));
    }

    /// <summary>The notes of an article's chapters, in the order they are defined.</summary>
    public static PdfNotes Of(ParsedArticle article) =>
        new(article.Chapters.SelectMany(c => c.Document.Descendants<NoteDefinition>()));

    /// <summary>The note, or null when no chapter defines it.</summary>
    public PdfNote? Find(NoteKey key) => _notes.GetValueOrDefault(key);

    /// <summary>True the first time a footnote's reference is set (it then carries the note's text); false after.</summary>
    public bool TakeFirstReference(NoteKey key) => _set.Add(key);

    /// <summary>The endnotes, in the order they are defined.</summary>
    public IEnumerable<PdfNote> Endnotes => _notes.Values.Where(n => n.Definition.Key.Kind == NoteKind.Endnote);

    /// <summary>The footnotes no reference has set so far (a note nothing cites): they are listed at the end rather than lost.</summary>
    public IEnumerable<PdfNote> Unset => _notes.Values.Where(n => n.Definition.Key.Kind == NoteKind.Footnote && !_set.Contains(n.Definition.Key));

    /// <summary>The Typst label of a note (its id on the web pages: <c>fn-7</c>, <c>en-iv</c>).</summary>
    public static string LabelOf(NoteKey key) => key.HtmlId;
}

/// <summary>One note: its definition and the mark the author's document shows.</summary>
public sealed record PdfNote(NoteDefinition Definition, string Mark);

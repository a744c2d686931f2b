using EditionBuilder.Diagnostics;
using EditionBuilder.Model;
using Markdig.Syntax;

namespace EditionBuilder.Markdown.Notes;

/// <summary>One parsed file whose notes the index takes in: its path and body line (for diagnostics), its document, and the page it becomes.</summary>
public sealed record NoteSource(string Path, int BodyLine, MarkdownDocument Document, string Page);

/// <summary>Where each note of an article is defined (footnotes and endnotes apart) and the mark it shows. Every reference must find its note on its own page or another chapter's; a note is defined once.</summary>
public sealed class NoteLocations
{
    private readonly Dictionary<NoteKey, (string Page, string Mark)> _notes;

    private NoteLocations(Dictionary<NoteKey, (string Page, string Mark)> notes) => _notes = notes;

    /// <summary>How many notes the article defines.</summary>
    public int Count => _notes.Count;

    /// <summary>The page that holds the note, or null when no chapter defines it.</summary>
    public string? PageOf(NoteKey key) => _notes.TryGetValue(key, out var note) ? note.Page : null;

    /// <summary>Where the note lives, as a link from another page ("02-x.html#fn-4"), and the mark it shows; null when no chapter defines it.</summary>
    public NoteTarget? Target(NoteKey key) => _notes.TryGetValue(key, out var note) ? new NoteTarget($"{note.Page}#{key.HtmlId}", note.Mark) : null;

    /// <summary>The note as a link inside the same page (the full text holds every chapter's notes), and the mark it shows.</summary>
    public NoteTarget? InPage(NoteKey key) => _notes.TryGetValue(key, out var note) ? new NoteTarget($"#{key.HtmlId}", note.Mark) : null;

    /// <summary>Indexes the notes of an article's chapters, reporting notes defined twice and references to no note.</summary>
    public static NoteLocations Build(IReadOnlyList<NoteSource> files, DiagnosticBag diagnostics)
    {
        var notes = new Dictionary<NoteKey, (string Page, string Mark)>();
        foreach (var file in files)
        {
            foreach (var definition in file.Document.Descendants<NoteDefinition>())
            {
                if (!notes.TryAdd(definition.Key, (file.Page, definition.Mark)))
                {
                    diagnostics.Error(DiagnosticCodes.ChapterNoteDuplicate, file.Path, definition.Line + file.BodyLine, 1,
                        $"note {definition.Key} is defined twice in this article (also in {notes[definition.Key].Page})");
                }
            }
        }

        foreach (var file in files)
        {
            foreach (var reference in file.Document.Descendants<NoteReferenceInline>().Where(r => r.Definition is null && !notes.ContainsKey(r.Key)))
            {
                diagnostics.Error(DiagnosticCodes.ChapterNoteUndefined, file.Path, reference.Line + file.BodyLine, reference.Column + 1,
                    $"reference [^{reference.Key}] has no note {reference.Key} in any chapter");
            }
        }

        return new NoteLocations(notes);
    }
}

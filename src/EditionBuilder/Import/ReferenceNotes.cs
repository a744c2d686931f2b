using EditionBuilder.Diagnostics;
using EditionBuilder.Model;

namespace EditionBuilder.Import;

/// <summary>
/// Makes a note that a reference list cites part of its entry: a reference list holds no notes (EB0593 at build), so the import puts the
/// note's text in the entry, in parentheses where its reference stood, with a warning (EB0541); the words stay, and the build succeeds.
/// </summary>
public static class ReferenceNotes
{
    /// <summary>The list with every note reference of its entries replaced by its note's text; <paramref name="citedInChapters"/> says which notes a chapter still cites (those stay notes too).</summary>
    /// <returns>The list (its <see cref="ReferenceSection.NoteReferencesMadeText"/> and <see cref="ReferenceSection.NotesMadeText"/> counted) and the notes that are now only text, to be left out of the chapters.</returns>
    public static (ReferenceSection References, IReadOnlySet<NoteKey> Folded) Fold(
        ReferenceSection references, IReadOnlyDictionary<NoteKey, Note> notes, Func<NoteKey, bool> citedInChapters, string where, DiagnosticBag diagnostics)
    {
        var folded = new HashSet<NoteKey>();
        var replaced = 0;
        var entries = new List<ReferenceEntry>();
        for (var e = 0; e < references.Entries.Count; e++)
        {
            var entry = references.Entries[e];
            var cited = InlineText.Descendants(entry.Inlines).OfType<NoteReference>().ToList();
            if (cited.Count == 0)
            {
                entries.Add(entry);
                continue;
            }

            replaced += cited.Count;
            foreach (var reference in cited) folded.Add(reference.Key);
            var words = string.Join(' ', InlineText.Plain(entry.Inlines.Where(i => i is not NoteReference)).Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(6));
            diagnostics.Warning(DiagnosticCodes.NoteInReferences, where, 0, 0,
                $"reference {e + 1} (\"{words}…\") cites {(cited.Count == 1 ? "a note" : cited.Count + " notes")}; a reference list holds no notes, so the note's text is put in the entry, in parentheses where it was cited");
            entries.Add(entry with { Inlines = Replace(entry.Inlines, notes) });
        }

        var onlyText = folded.Where(k => notes.ContainsKey(k) && !citedInChapters(k)).ToHashSet();
        return (references with { Entries = entries, NoteReferencesMadeText = references.NoteReferencesMadeText + replaced, NotesMadeText = references.NotesMadeText + onlyText.Count }, onlyText);
    }

    private static List<Inline> Replace(IReadOnlyList<Inline> inlines, IReadOnlyDictionary<NoteKey, Note> notes)
    {
        var result = new List<Inline>();
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case NoteReference reference:
                    result.Add(new TextRun(" ("));
                    if (notes.TryGetValue(reference.Key, out var note)) result.AddRange(Text(note));
                    else result.Add(new TextRun(reference.Id)); // no such note: its mark stays, as text
                    result.Add(new TextRun(")"));
                    break;
                case Styled styled:
                    result.Add(styled with { Children = Replace(styled.Children, notes) });
                    break;
                case Link link:
                    result.Add(link with { Children = Replace(link.Children, notes) });
                    break;
                default:
                    result.Add(inline);
                    break;
            }
        }

        return result;
    }

    // The note's paragraphs, one after the other on the entry's line, without the space Word puts after the note's mark.
    private static List<Inline> Text(Note note)
    {
        var inlines = new List<Inline>();
        for (var p = 0; p < note.Paragraphs.Count; p++)
        {
            if (p > 0) inlines.Add(new TextRun(" "));
            inlines.AddRange(note.Paragraphs[p].Inlines.Where(i => i is not NoteReference));
        }

        if (inlines.Count > 0 && inlines[0] is TextRun first) inlines[0] = new TextRun(first.Text.TrimStart());
        if (inlines.Count > 0 && inlines[^1] is TextRun last) inlines[^1] = new TextRun(last.Text.TrimEnd());
        return inlines;
    }
}

using EditionBuilder.Diagnostics;
using Markdig.Syntax;

namespace EditionBuilder.Markdown.Notes;

/// <summary>One parsed file whose notes the index takes in: its path and body line (for diagnostics), its document, and the page it becomes.</summary>
public sealed record NoteSource(string Path, int BodyLine, MarkdownDocument Document, string Page);

/// <summary>Where each note of an article is defined. Every reference must find its note on its own page or another chapter's; a note is defined once.</summary>
public sealed class NoteIndex
{
    private readonly Dictionary<int, string> _pages;

    private NoteIndex(Dictionary<int, string> pages) => _pages = pages;

    /// <summary>How many notes the article defines.</summary>
    public int Count => _pages.Count;

    /// <summary>The page that holds note <paramref name="number"/>, or null when no chapter defines it.</summary>
    public string? PageOf(int number) => _pages.GetValueOrDefault(number);

    /// <summary>Indexes the notes of an article's chapters, reporting notes defined twice and references to no note.</summary>
    public static NoteIndex Build(IReadOnlyList<NoteSource> files, DiagnosticBag diagnostics)
    {
        var pages = new Dictionary<int, string>();
        foreach (var file in files)
        {
            foreach (var definition in file.Document.Descendants<NoteDefinition>())
            {
                if (!pages.TryAdd(definition.Number, file.Page))
                {
                    diagnostics.Error(DiagnosticCodes.ChapterNoteDuplicate, file.Path, definition.Line + file.BodyLine, 1,
                        $"note {definition.Number} is defined twice in this article (also in {pages[definition.Number]})");
                }
            }
        }

        foreach (var file in files)
        {
            foreach (var reference in file.Document.Descendants<NoteReferenceInline>().Where(r => r.Definition is null && !pages.ContainsKey(r.Number)))
            {
                diagnostics.Error(DiagnosticCodes.ChapterNoteUndefined, file.Path, reference.Line + file.BodyLine, reference.Column + 1,
                    $"reference [^{reference.Number}] has no note {reference.Number} in any chapter");
            }
        }

        return new NoteIndex(pages);
    }
}

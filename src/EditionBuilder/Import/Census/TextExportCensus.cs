using System.Text.RegularExpressions;

namespace EditionBuilder.Import.Census;

/// <summary>Counts what a Word text export holds: every non-blank line's text, less the markers its reader turns into markup (<c>[bookmark: _ftnrefN]</c>, the <c>[N]</c> references before the notes, the <c>[N]-</c> opening each note).</summary>
public static partial class TextExportCensus
{
    [GeneratedRegex(@"^[ \t\u00A0]*\[\d{1,9}\][ \t\u00A0]*-")]
    private static partial Regex NoteStart();

    [GeneratedRegex(@"\[bookmark:[^\]]*\]")]
    private static partial Regex Bookmark();

    [GeneratedRegex(@"\[\d{1,9}\]")]
    private static partial Regex Reference();

    public static SourceCensus Take(IReadOnlyList<SourceLine> lines)
    {
        var paragraphs = new List<CensusParagraph>();
        var references = 0;
        var notes = new HashSet<string>(StringComparer.Ordinal);
        var inNotes = false;
        foreach (var line in lines)
        {
            if (line.IsBlank) continue;
            var text = line.Text;
            inNotes |= NoteStart().IsMatch(text);
            if (inNotes)
            {
                text = NoteStart().Replace(text, string.Empty);
            }
            else
            {
                text = Bookmark().Replace(text, " ");
                foreach (Match reference in Reference().Matches(text)) { references++; notes.Add(reference.Value); }
                text = Reference().Replace(text, string.Empty);
            }

            paragraphs.Add(new CensusParagraph($"line {line.Number}", text, line.Number));
        }

        return new SourceCensus(paragraphs, references, notes.Count);
    }
}

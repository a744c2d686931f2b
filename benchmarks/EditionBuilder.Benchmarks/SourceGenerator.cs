using System.Text;
using System.Text.RegularExpressions;

namespace EditionBuilder.Benchmarks;

/// <summary>Makes large Word exports from the seed for the size-limit runs: its paragraphs repeated under new headings, notes renumbered.</summary>
public static partial class SourceGenerator
{
    [GeneratedRegex(@"\[bookmark: _ftnref\d+\]|\[\d+\]")]
    private static partial Regex Markers();

    [GeneratedRegex(@"^\[(\d+)\]-")]
    private static partial Regex NoteStart();

    /// <summary>A source of about <paramref name="bytes"/> bytes with at least <paramref name="notes"/> notes.</summary>
    public static string Generate(string seedText, long bytes, int notes)
    {
        var lines = seedText.Replace("\r\n", "\n").Split('\n');
        var notesStart = Array.FindIndex(lines, l => NoteStart().IsMatch(l));
        var abstractsStart = Array.FindIndex(lines, l => l.StartsWith("The Russian – Iranian", StringComparison.Ordinal));
        var paragraphs = lines[..notesStart].Where(l => l.Length > 120).Select(l => Markers().Replace(l, string.Empty).Trim()).ToArray();
        var noteTexts = new List<string>();
        foreach (var line in lines[notesStart..abstractsStart])
        {
            if (NoteStart().IsMatch(line)) noteTexts.Add(line[(line.IndexOf('-') + 1)..].Trim());
            else if (line.Trim().Length > 0) noteTexts[^1] += "\n" + line.Trim();
        }

        var body = new StringBuilder();
        var noteCount = 0;
        var chapter = 0;
        var paragraph = 0;
        var notesPerParagraph = 1;
        while (body.Length * 2 < bytes || noteCount < notes)
        {
            if (paragraph % 12 == 0)
            {
                chapter++;
                body.Append(chapter > 1 ? "\n" : string.Empty).Append("القسم ").Append(chapter).Append('\n');
                notesPerParagraph = Math.Max(1, (notes - noteCount) / Math.Max(1, (int)((bytes - (body.Length * 2)) / 1400)) + 1);
            }

            var text = paragraphs[paragraph % paragraphs.Length];
            var refs = new StringBuilder();
            var bookmarks = new StringBuilder();
            for (var k = 0; k < notesPerParagraph && noteCount < notes; k++)
            {
                noteCount++;
                bookmarks.Append("[bookmark: _ftnref").Append(noteCount).Append(']');
                refs.Append('[').Append(noteCount).Append(']');
            }

            body.Append(bookmarks).Append(text).Append(refs).Append('\n');
            paragraph++;
        }

        var output = new StringBuilder(body.ToString()).Append('\n');
        for (var n = 1; n <= noteCount; n++)
        {
            output.Append('[').Append(n).Append("]-    ").Append(noteTexts[(n - 1) % noteTexts.Count]).Append('\n');
        }

        output.Append(string.Join('\n', lines[abstractsStart..]));
        return output.ToString();
    }
}

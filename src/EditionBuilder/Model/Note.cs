using System.Globalization;

namespace EditionBuilder.Model;

/// <summary>Footnotes and endnotes are two sequences: the same id in each is two different notes.</summary>
public enum NoteKind
{
    Footnote,
    Endnote,
}

/// <summary>What names a note: its sequence and its ASCII id ("7", "iv", "mark1"); HTML ids are fn-ID and en-ID.</summary>
public readonly record struct NoteKey(NoteKind Kind, string Id)
{
    /// <summary>The HTML id of the note: fn-7, en-iv.</summary>
    public string HtmlId => Prefix + "-" + Id;

    /// <summary>The HTML id of the reference: fnref-7, enref-iv.</summary>
    public string ReferenceHtmlId => Prefix + "ref-" + Id;

    private string Prefix => Kind == NoteKind.Footnote ? "fn" : "en";

    /// <summary>As the Markdown label writes it: "7" for a footnote, "en:iv" for an endnote.</summary>
    public override string ToString() => Kind == NoteKind.Footnote ? Id : "en:" + Id;

    /// <summary>True when the id is one the chapter format and HTML ids accept: 1 to 32 ASCII letters, digits or '_'.</summary>
    public static bool IsValidId(string id) =>
        id.Length is > 0 and <= 32 && id.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}

/// <summary>A note: its sequence, ASCII id, the mark the author's document shows (the id unless said otherwise), and its paragraphs.</summary>
public sealed record Note(NoteKind Kind, string Id, string Mark, IReadOnlyList<Paragraph> Paragraphs, int SourceLine = 0)
{
    /// <summary>A footnote of the text export: its original number, and one paragraph keeping the source's line breaks.</summary>
    public Note(int number, IReadOnlyList<string> lines, int sourceLine = 0)
        : this(NoteKind.Footnote, number.ToString(CultureInfo.InvariantCulture), number.ToString(CultureInfo.InvariantCulture), [FromLines(lines)], sourceLine)
    {
    }

    public NoteKey Key => new(Kind, Id);

    /// <summary>The id read as a number (the text export's notes are numbered); 0 when the id is not a number.</summary>
    public int Number => int.TryParse(Id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    /// <summary>The note's text line by line: paragraphs and line breaks both end a line; formatting is left out.</summary>
    public IReadOnlyList<string> Lines => Paragraphs.SelectMany(p => p.PlainLines).ToList();

    public bool Equals(Note? other) =>
        other is not null && Kind == other.Kind && Id == other.Id && Mark == other.Mark && Paragraphs.SequenceEqual(other.Paragraphs);

    public override int GetHashCode() => HashCode.Combine(Kind, Id);

    private static Paragraph FromLines(IReadOnlyList<string> lines)
    {
        var inlines = new List<Inline>();
        foreach (var line in lines)
        {
            if (inlines.Count > 0) inlines.Add(new LineBreak());
            inlines.Add(new TextRun(line));
        }

        return new Paragraph(inlines);
    }
}

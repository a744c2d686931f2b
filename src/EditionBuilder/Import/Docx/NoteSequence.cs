using System.Xml.Linq;
using EditionBuilder.Diagnostics;
using EditionBuilder.Model;
using static EditionBuilder.Import.Docx.WordNames;

namespace EditionBuilder.Import.Docx;

/// <summary>
/// One of the two note sequences (footnotes, endnotes) as Word numbers it: by order of reference in the document, from
/// numStart, in numFmt, restarting each section when asked (w:footnotePr/w:endnotePr in settings, overridden per section);
/// a custom mark (w:customMarkFollows) is kept as typed and takes no number.
/// </summary>
internal sealed class NoteSequence
{
    /// <summary>The numbering a section asks for.</summary>
    public sealed record Numbering(string Format, int Start, string Restart);

    /// <summary>A note as first referenced: its key, the mark Word shows, and where the reference is.</summary>
    public sealed record Assigned(NoteKey Key, string WordId, int Paragraph);

    private readonly Dictionary<string, XElement> _bodies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Assigned> _assigned = new(StringComparer.Ordinal);
    private readonly Dictionary<NoteKey, string> _marks = new();
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Numbering _document;
    private readonly IReadOnlyList<XElement?> _sections;
    private int _counter;
    private int _section = -1;
    private int _customMarks;
    private bool _warnedEachPage;

    public NoteSequence(NoteKind kind, XDocument? notesPart, XElement? settingsProperties, IReadOnlyList<XElement?> sectionProperties)
    {
        Kind = kind;
        _document = Merge(new Numbering(kind == NoteKind.Footnote ? "decimal" : "lowerRoman", 1, "continuous"), settingsProperties);
        _sections = sectionProperties;
        var noteName = kind == NoteKind.Footnote ? "footnote" : "endnote";
        foreach (var note in notesPart?.Root?.Elements(W + noteName) ?? [])
        {
            var type = Attr(note, "type");
            if (type is not (null or "normal")) continue; // separators and continuation notices are layout
            if (Attr(note, "id") is { } id) _bodies.TryAdd(id, note);
        }
    }

    public NoteKind Kind { get; }

    public string Name => Kind == NoteKind.Footnote ? "footnote" : "endnote";

    public bool Holds(string wordId) => _bodies.ContainsKey(wordId);

    public XElement Body(string wordId) => _bodies[wordId];

    /// <summary>The notes in the order of their first reference.</summary>
    public IEnumerable<Assigned> InOrder => _assigned.Values;

    public string MarkOf(NoteKey key) => _marks[key];

    /// <summary>The notes of the part nobody refers to (Word does not show them).</summary>
    public IEnumerable<string> Unreferenced => _bodies.Keys.Where(id => !_assigned.ContainsKey(id));

    private static Numbering Merge(Numbering numbering, XElement? properties)
    {
        if (properties is null) return numbering;
        return new Numbering(
            Val(properties, "numFmt") ?? numbering.Format,
            Int(Val(properties, "numStart")) ?? numbering.Start,
            Val(properties, "numRestart") ?? numbering.Restart);
    }

    private Numbering In(int section) => Merge(_document, section >= 0 && section < _sections.Count ? _sections[section] : null);

    /// <summary>The key of the note a reference in <paramref name="section"/> points to; a second reference to the same note gets the same key.</summary>
    public NoteKey Refer(string wordId, int section, int paragraph, bool customMark, string where, DiagnosticBag diagnostics)
    {
        if (_assigned.TryGetValue(wordId, out var known)) return known.Key;
        var numbering = In(section);
        if (section != _section)
        {
            var first = _section < 0;
            _section = section;
            if (numbering.Restart == "eachPage" && !_warnedEachPage)
            {
                _warnedEachPage = true;
                diagnostics.Warning(DiagnosticCodes.DocxNumberingEachPage, where, 0, 0,
                    $"{Name}s are numbered again on each page, which a web page cannot reproduce without Word's layout; they are numbered on through the document");
            }

            if (first || numbering.Restart == "eachSect") _counter = numbering.Start;
        }

        NoteKey key;
        string mark;
        if (customMark)
        {
            _customMarks++;
            key = Unique("mark" + _customMarks.ToString(System.Globalization.CultureInfo.InvariantCulture), section, wordId);
            mark = "*";
        }
        else
        {
            var format = numbering.Format;
            if (!NoteMarks.IsKnown(format))
            {
                diagnostics.Warning(DiagnosticCodes.DocxNumberFormat, where, 0, 0, $"{Name} number format '{format}' is shown as decimal numbers");
                format = "decimal";
            }

            var number = _counter++;
            mark = NoteMarks.Format(number, format);
            var ascii = NoteKey.IsValidId(mark) ? mark : number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            key = Unique(ascii, section, wordId);
        }

        _assigned[wordId] = new Assigned(key, wordId, paragraph);
        _marks[key] = mark;
        return key;
    }

    /// <summary>Sets the mark a custom-marked note shows: the text typed after its reference.</summary>
    public void SetCustomMark(NoteKey key, string mark)
    {
        if (mark.Length > 0) _marks[key] = mark;
    }

    // Numbers restarted each section repeat: the second "1" becomes "1_s2" (its section), never a collision.
    private NoteKey Unique(string id, int section, string wordId)
    {
        var candidate = id;
        if (_ids.Contains(candidate)) candidate = $"{id}_s{section + 1}";
        if (_ids.Contains(candidate) || !NoteKey.IsValidId(candidate)) candidate = $"{id}_w{new string(wordId.Where(char.IsAsciiLetterOrDigit).ToArray())}";
        _ids.Add(candidate);
        return new NoteKey(Kind, candidate);
    }
}

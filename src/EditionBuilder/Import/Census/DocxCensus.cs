using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace EditionBuilder.Import.Census;

/// <summary>
/// Counts what a Word document shows, reading its XML itself (not through the import's reader): every visible text run of the body, its
/// tables, text boxes (one copy of an mc:AlternateContent) and lists, and of the footnotes and endnotes the body refers to; never deleted
/// revisions, comments, headers and footers, field instructions or a table of contents Word made. Transitional and Strict namespaces alike.
/// </summary>
public static class DocxCensus
{
    // Parts larger than this were refused by the reader already; the census never inflates more.
    private const long MaxPartBytes = 64L * 1024 * 1024;

    private static readonly HashSet<string> WordNamespaces = new(StringComparer.Ordinal)
    {
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    };

    private static readonly HashSet<string> MathNamespaces = new(StringComparer.Ordinal)
    {
        "http://schemas.openxmlformats.org/officeDocument/2006/math",
        "http://purl.oclc.org/ooxml/officeDocument/math",
    };

    private const string MarkupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>The census of the document; null when its parts cannot be read (the reader, which runs first, would have said why).</summary>
    public static SourceCensus? Take(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var main = Target(zip, "_rels/.rels", string.Empty, "/officeDocument");
            if (main is null || Load(zip, main) is not { Root: { } root }) return null;
            var body = root.Elements().FirstOrDefault(e => IsWord(e, "body"));
            if (body is null) return null;

            var census = new Counter();
            census.Part(body, string.Empty);
            var rels = RelationshipsOf(main);
            foreach (var (kind, note) in new[] { ("/footnotes", "footnote"), ("/endnotes", "endnote") })
            {
                var referenced = note == "footnote" ? census.Footnotes : census.Endnotes;
                if (referenced.Count == 0 || Target(zip, rels, Folder(main), kind) is not { } part || Load(zip, part) is not { Root: { } notes }) continue;
                var numbers = Numbers(notes);
                foreach (var element in notes.Elements().Where(e => IsWord(e, note)))
                {
                    if (Word(element, "id") is { } id && referenced.Contains(id)) census.Note(element, part + ":", numbers);
                }
            }

            return new SourceCensus(census.Paragraphs, census.References, census.Footnotes.Count + census.Endnotes.Count);
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException or ArgumentException)
        {
            return null;
        }
    }

    private static bool IsWord(XElement e, string local) => e.Name.LocalName == local && WordNamespaces.Contains(e.Name.NamespaceName);

    private static string? Word(XElement e, string attribute) =>
        e.Attributes().FirstOrDefault(a => a.Name.LocalName == attribute && WordNamespaces.Contains(a.Name.NamespaceName))?.Value;

    private static bool IsOn(XElement? e)
    {
        if (e is null) return false;
        var value = Word(e, "val");
        return value is null || !(value is "0" or "false" or "off");
    }

    private static string Folder(string part) => part.Contains('/') ? part[..(part.LastIndexOf('/') + 1)] : string.Empty;

    private static string RelationshipsOf(string part) => Folder(part) + "_rels/" + part[(part.LastIndexOf('/') + 1)..] + ".rels";

    // The part a relationship of the given type (its last segment, so Transitional and Strict alike) points to, as a zip entry name.
    private static string? Target(ZipArchive zip, string relationships, string folder, string typeEnding)
    {
        if (Load(zip, relationships) is not { Root: { } root }) return null;
        foreach (var relation in root.Elements(XName.Get("Relationship", PackageRelationships)))
        {
            if (relation.Attribute("TargetMode")?.Value == "External") continue;
            if (relation.Attribute("Type")?.Value is not { } type || !type.EndsWith(typeEnding, StringComparison.Ordinal)) continue;
            var target = Uri.UnescapeDataString(relation.Attribute("Target")?.Value ?? string.Empty);
            return Resolve(target.StartsWith('/') ? target[1..] : folder + target);
        }

        return null;
    }

    // "word/../customXml/x.xml" as a plain entry name.
    private static string Resolve(string path)
    {
        var parts = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); }
            else if (segment is not ("." or "")) parts.Add(segment);
        }

        return string.Join('/', parts);
    }

    private static XDocument? Load(ZipArchive zip, string name)
    {
        var entry = zip.Entries.FirstOrDefault(e => string.Equals(e.FullName.TrimStart('/'), name, StringComparison.OrdinalIgnoreCase));
        if (entry is null || entry.Length > MaxPartBytes) return null;
        using var stream = entry.Open();
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = MaxPartBytes };
        using var reader = XmlReader.Create(stream, settings);
        return XDocument.Load(reader);
    }

    // Paragraphs are numbered as the reader numbers them: every w:p of the part, in document order (DocumentWalker).
    private static Dictionary<XElement, int> Numbers(XElement root)
    {
        var numbers = new Dictionary<XElement, int>();
        var n = 0;
        foreach (var p in root.Descendants().Where(e => IsWord(e, "p"))) numbers[p] = ++n;
        return numbers;
    }

    /// <summary>Walks a part's XML, paragraph by paragraph, keeping what Word shows.</summary>
    private sealed class Counter
    {
        private readonly Stack<Field> _fields = new();
        private readonly Stack<StringBuilder> _open = new();
        private Dictionary<XElement, int> _numbers = new();
        private string _prefix = string.Empty;
        private bool _pendingCustomMark;

        public List<CensusParagraph> Paragraphs { get; } = [];

        public HashSet<string> Footnotes { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Endnotes { get; } = new(StringComparer.Ordinal);

        public int References { get; private set; }

        private bool InNote { get; set; }

        public void Part(XElement body, string prefix)
        {
            _numbers = Numbers(body);
            _prefix = prefix;
            _fields.Clear();
            Children(body, hidden: false);
        }

        public void Note(XElement note, string prefix, Dictionary<XElement, int> numbers)
        {
            _numbers = numbers;
            _prefix = prefix;
            _fields.Clear();
            InNote = true;
            Children(note, hidden: false);
        }

        private void Children(XElement element, bool hidden)
        {
            foreach (var child in element.Elements()) Visit(child, hidden);
        }

        private void Visit(XElement e, bool hidden)
        {
            var ns = e.Name.NamespaceName;
            var local = e.Name.LocalName;
            if (ns == MarkupCompatibility)
            {
                // One copy of alternate content: the first choice, else the fallback.
                if (local == "AlternateContent")
                {
                    var chosen = e.Elements().FirstOrDefault(c => c.Name.LocalName == "Choice") ?? e.Elements().FirstOrDefault(c => c.Name.LocalName == "Fallback");
                    if (chosen is not null) Children(chosen, hidden);
                }

                return;
            }

            if (MathNamespaces.Contains(ns))
            {
                if (local == "t") Append(e.Value, hidden);
                else Children(e, hidden);
                return;
            }

            if (!WordNamespaces.Contains(ns))
            {
                Children(e, hidden);
                return;
            }

            switch (local)
            {
                case "p":
                    _open.Push(new StringBuilder());
                    _pendingCustomMark = false;
                    Children(e, hidden);
                    var text = _open.Pop().ToString();
                    Paragraphs.Add(new CensusParagraph(_prefix + "paragraph " + _numbers.GetValueOrDefault(e), text));
                    return;
                case "r":
                    Children(e, hidden || IsOn(e.Elements().FirstOrDefault(c => IsWord(c, "rPr"))?.Elements().FirstOrDefault(c => IsWord(c, "vanish") || IsWord(c, "specVanish"))));
                    return;
                case "t":
                    if (_pendingCustomMark && e.Value.Length > 0) { _pendingCustomMark = false; return; }
                    Append(e.Value, hidden);
                    return;
                case "tab" or "ptab" or "br" or "cr":
                    Append(" ", hidden: false);
                    return;
                case "noBreakHyphen":
                    Append("-", hidden: false);
                    return;
                case "footnoteReference" or "endnoteReference":
                    if (Suppressed || InNote || Word(e, "id") is not { } id) return;
                    References++;
                    (local == "footnoteReference" ? Footnotes : Endnotes).Add(id);
                    if (e.Attributes().Any(a => a.Name.LocalName == "customMarkFollows" && a.Value is not ("0" or "false" or "off"))) _pendingCustomMark = true;
                    return;
                case "fldChar":
                    Character(Word(e, "fldCharType"));
                    return;
                case "instrText":
                    if (_fields.TryPeek(out var open) && !open.InResult) open.Instruction.Append(e.Value);
                    return;
                case "fldSimple":
                    var simple = new Field { InResult = true };
                    simple.Instruction.Append(Word(e, "instr"));
                    simple.Interpret();
                    _fields.Push(simple);
                    Children(e, hidden);
                    _fields.Pop();
                    return;
                // Deleted and moved-away text, field instructions and properties are never shown.
                case "del" or "moveFrom" or "delText" or "delInstrText" or "rPr" or "pPr" or "sectPr" or "tblPr" or "trPr" or "tcPr" or "sdtPr" or "tblGrid" or "fldData":
                    return;
                default:
                    Children(e, hidden);
                    return;
            }
        }

        private bool Suppressed => _fields.Any(f => !f.InResult || f.LeftOut);

        private void Append(string text, bool hidden)
        {
            if (hidden || Suppressed || !_open.TryPeek(out var paragraph)) return;
            paragraph.Append(text);
        }

        private void Character(string? type)
        {
            switch (type)
            {
                case "begin":
                    _fields.Push(new Field());
                    break;
                case "separate":
                    if (_fields.TryPeek(out var field) && !field.InResult)
                    {
                        field.InResult = true;
                        field.Interpret();
                    }

                    break;
                case "end":
                    _fields.TryPop(out _);
                    break;
            }
        }
    }

    /// <summary>A field of the document: its instruction, whether its result is being read, and whether that result is left out of the edition.</summary>
    private sealed class Field
    {
        public StringBuilder Instruction { get; } = new();

        public bool InResult { get; set; }

        public bool LeftOut { get; private set; }

        // A table of contents, index or table of authorities is made again by the site; a NOTEREF's number becomes a note reference.
        public void Interpret()
        {
            var first = Instruction.ToString().Trim().Split(' ', 2)[0].ToUpperInvariant();
            LeftOut = first is "TOC" or "INDEX" or "TOA" or "NOTEREF";
        }
    }
}

using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Model;
using static EditionBuilder.Import.Docx.WordNames;

namespace EditionBuilder.Import.Docx;

/// <summary>
/// Walks a Word body (or a note) in document order and turns it into <see cref="DocxBlock"/>s: paragraphs with their
/// inlines (bold and italic by w:b/w:bCs and w:i/w:iCs, superscript, subscript, links by relationship or HYPERLINK field,
/// note references numbered as Word numbers them), tables and figures. Tracked insertions are in and deletions out (moves
/// once); comments, smart tags and content controls are unwrapped to their text.
/// </summary>
internal sealed class DocumentWalker
{
    private const int MaxControlWarnings = 20;

    /// <summary>How many structures (tables, content controls, custom XML, smart tags, hyperlinks, revisions, fields, text boxes) may stand inside one another.</summary>
    public const int MaxNesting = 64;

    private readonly DocxPackage _package;
    private readonly StyleSheet _styles;
    private readonly NumberingDefinitions _numbering;
    private readonly NoteSequence _footnotes;
    private readonly NoteSequence _endnotes;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<XElement, int> _paragraphNumbers = new();
    private readonly Dictionary<string, (NoteKind Kind, string WordId)> _bookmarkedNotes = new(StringComparer.Ordinal);
    private readonly Dictionary<(int NumId, int Level), int> _listCounters = new();
    private readonly Dictionary<string, MediaFile> _mediaByPart = new(StringComparer.Ordinal);
    private readonly HashSet<string> _mediaNames = new(StringComparer.Ordinal);
    private readonly List<MediaFile> _media = new();
    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);
    private readonly Stack<Field> _fields = new();
    private readonly InternalTargets _targets = new();

    // Anchors of bookmarks a link leads to that stand between paragraphs (w:bookmarkStart directly in w:body): the next paragraph with text holds them.
    private List<string> _pendingAnchors = [];
    private int _controlWarnings;
    private int _nesting;
    private int _bodyIndent;
    private bool _nestingReported;

    // The part being walked (its relationships resolve links and images) and where we are in it.
    private OpenXmlPart _part;
    private int _section;
    private bool _inNote;
    private int _paragraph;
    private int _lastParagraph;
    private string _firstWords = string.Empty;

    public DocumentWalker(DocxPackage package, StyleSheet styles, NumberingDefinitions numbering, NoteSequence footnotes, NoteSequence endnotes, DiagnosticBag diagnostics)
    {
        _package = package;
        _styles = styles;
        _numbering = numbering;
        _footnotes = footnotes;
        _endnotes = endnotes;
        _diagnostics = diagnostics;
        _part = package.Main;
    }

    /// <summary>The images the document shows, as media files of the article.</summary>
    public IReadOnlyList<MediaFile> Media => _media;

    /// <summary>The bookmarks the document's internal links lead to, as anchors of the edition.</summary>
    public InternalTargets Targets => _targets;

    private string Where => _package.Where(_part, _paragraph) + (_firstWords.Length > 0 ? $" (“{_firstWords}”)" : string.Empty);

    /// <summary>The body's blocks, in order.</summary>
    public List<DocxBlock> ReadBody(XElement body)
    {
        Number(body);
        MapBookmarkedNotes(body);
        _targets.Scan(body);
        _bodyIndent = BodyIndent(body);
        var blocks = new List<DocxBlock>();
        ReadBlocks(body, blocks);
        return blocks;
    }

    /// <summary>A note's paragraphs, read in its own part (its links and images resolve there).</summary>
    public List<Paragraph> ReadNote(OpenXmlPart part, XElement note)
    {
        var saved = (_part, _inNote, _pendingAnchors);
        (_part, _inNote, _pendingAnchors) = (part, true, []);
        Number(note);
        var blocks = new List<DocxBlock>();
        ReadBlocks(note, blocks);
        (_part, _inNote, _pendingAnchors) = saved;
        var paragraphs = new List<Paragraph>();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case DocxParagraph p when p.Inlines.Count > 0:
                    paragraphs.Add(new Paragraph(p.Inlines) { Direction = p.Direction });
                    break;
                case DocxTable t:
                    Warn(DiagnosticCodes.DocxTableShape, _package.Where(part, t.Paragraph), "a table inside a note is kept as one line per row");
                    paragraphs.AddRange(t.Table.Rows.Select(r => new Paragraph(r.Cells.SelectMany((c, i) => i == 0 ? c.Inlines : [new TextRun(" | "), .. c.Inlines]).ToList())));
                    break;
                case DocxFigure f:
                    Warn(DiagnosticCodes.DocxObjectLeftOut, _package.Where(part, f.Paragraph), "an image inside a note is left out (its alt text is kept)");
                    if (f.Figure.AltText.Length > 0) paragraphs.Add(new Paragraph([new TextRun(f.Figure.AltText)]));
                    break;
            }
        }

        return paragraphs;
    }

    // Paragraphs are named by their number in the part, in document order ("paragraph 12").
    private void Number(XElement root)
    {
        var n = 0;
        foreach (var p in root.Descendants(W + "p")) _paragraphNumbers.TryAdd(p, ++n);
    }

    // A NOTEREF field names a bookmark around a note reference: remember which note each bookmark holds.
    private void MapBookmarkedNotes(XElement body)
    {
        var open = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in body.Descendants())
        {
            if (element.Name == W + "bookmarkStart" && Attr(element, "id") is { } id && Attr(element, "name") is { } name) open[id] = name;
            else if (element.Name == W + "bookmarkEnd" && Attr(element, "id") is { } end) open.Remove(end);
            else if ((element.Name == W + "footnoteReference" || element.Name == W + "endnoteReference") && Attr(element, "id") is { } note)
            {
                var kind = element.Name.LocalName == "footnoteReference" ? NoteKind.Footnote : NoteKind.Endnote;
                foreach (var bookmark in open.Values) _bookmarkedNotes.TryAdd(bookmark, (kind, note));
            }
        }
    }

    private void ReadBlocks(XElement container, List<DocxBlock> blocks)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        foreach (var element in container.Elements())
        {
            var name = element.Name;
            if (name == W + "p") ReadParagraph(element, blocks);
            else if (name == W + "bookmarkStart" && _targets.AnchorOf(Attr(element, "name")) is { } anchor) _pendingAnchors.Add(anchor);
            else if (name == W + "tbl") Deeper(element, () => ReadTable(element, blocks));
            else if (name == W + "sdt") Deeper(element, () => ReadBlocks(element.Element(W + "sdtContent") ?? element, blocks));
            else if (name == W + "customXml" || name == W + "ins" || name == W + "moveTo") Deeper(element, () => ReadBlocks(element, blocks));
            else if (name == Mc + "AlternateContent") Deeper(element, () => ReadBlocks(Choose(element), blocks));
            else if (name == W + "altChunk") ExternalContent(element, "an embedded document part (altChunk)");
            else if (name == W + "subDoc") ExternalContent(element, "a subdocument");
        }
    }

    // One level further inside; past MaxNesting the inner content is refused with one error (a walk as deep as the
    // document nests would overflow the stack, and no document Word writes nests this deep).
    private void Deeper(XElement element, Action walk)
    {
        if (_nesting >= MaxNesting)
        {
            TooDeep(element);
            return;
        }

        _nesting++;
        try
        {
            walk();
        }
        finally
        {
            _nesting--;
        }
    }

    private void TooDeep(XElement element)
    {
        if (_nestingReported) return;
        _nestingReported = true;
        var paragraph = element.AncestorsAndSelf(W + "p").FirstOrDefault() ?? element.Descendants(W + "p").FirstOrDefault();
        var where = paragraph is not null && _paragraphNumbers.TryGetValue(paragraph, out var n) ? $"{_package.Where(_part, n)} (“{FirstWords(paragraph)}”)" : Where;
        _diagnostics.Error(DiagnosticCodes.DocxNestedTooDeep, where, 0, 0,
            $"tables, content controls, custom XML, hyperlinks, tracked changes or fields stand more than {MaxNesting} levels inside one another here (level {MaxNesting + 1} is a w:{element.Name.LocalName}); no document written in Word nests this deep, so it is refused: save it again from Word, or simplify it");
    }

    // Markup compatibility: the first choice (DrawingML, which this reader knows), else the fallback.
    private static XElement Choose(XElement alternate) =>
        alternate.Element(Mc + "Choice") ?? alternate.Element(Mc + "Fallback") ?? alternate;

    private void ExternalContent(XElement element, string what)
    {
        // Between paragraphs: named by the paragraph before it.
        var saved = (_paragraph, _firstWords);
        (_paragraph, _firstWords) = (_lastParagraph, string.Empty);
        ExternalContentHere(element, what);
        (_paragraph, _firstWords) = saved;
    }

    private void ExternalContentHere(XElement element, string what)
    {
        var id = element.Attribute(R + "id")?.Value;
        var external = id is not null && _part.ExternalRelationships.Any(r => r.Id == id);
        if (external)
        {
            _diagnostics.Error(DiagnosticCodes.DocxExternalContent, Where, 0, 0,
                $"the document pulls in {what} from outside itself; it is never fetched: in Word, insert its text into the document");
        }
        else
        {
            Warn(DiagnosticCodes.DocxObjectLeftOut, Where, $"{what} is left out; in Word, insert its text into the document");
        }
    }

    private void ReadParagraph(XElement p, List<DocxBlock> blocks)
    {
        var savedPlace = (_paragraph, _firstWords);
        _paragraph = _lastParagraph = _paragraphNumbers.GetValueOrDefault(p);
        _firstWords = FirstWords(p);
        var properties = p.Element(W + "pPr");
        var style = _styles.ParagraphStyleOf(properties);
        var outline = Int(Val(properties, "outlineLvl"));
        int? heading = outline switch { >= 0 and <= 8 => outline + 1, 9 => null, _ => _styles.HeadingLevel(style) };
        var isSubtitle = _styles.IsSubtitle(style);
        var isTitle = !isSubtitle && _styles.IsTitle(style); // a Subtitle style is often based on Title (pandoc's, Word's own)
        var isQuote = _styles.IsQuote(style);
        var isCaption = _styles.IsCaption(style);
        if (_inNote || isTitle || isSubtitle) heading = null;
        var structural = heading is not null || isTitle || isSubtitle || isQuote || isCaption;

        var content = new ParagraphContent(this, structural ? null : style);
        content.Walk(p);
        var inlines = content.Inlines;
        // A bookmark in an empty paragraph has nothing to stand by (a link to it keeps its text, EB0531).
        if (inlines.All(i => i is Anchor)) inlines.Clear();
        else if (_pendingAnchors.Count > 0)
        {
            inlines.InsertRange(0, _pendingAnchors.Select(a => new Anchor(a)));
            _pendingAnchors.Clear();
        }
        var text = InlineText.Plain(inlines.Where(i => i is not NoteReference));
        var list = heading is null ? ListOf(properties, style) : null;
        var bidi = OnOff(properties, "bidi") ?? IsOn(_styles.ParagraphProperty(style, "bidi"));
        var direction = bidi != true && !content.RightToLeftRuns && LanguageGuesser.IsLatinDominant(text) ? TextDirection.LeftToRight : (TextDirection?)null;
        if (!isQuote && list is null && heading is null && !isTitle && !isSubtitle && !isCaption && IsIndentedQuote(properties, style)) isQuote = true;

        blocks.Add(new DocxParagraph(_paragraph, _firstWords, inlines)
        {
            HeadingLevel = heading,
            IsTitle = isTitle,
            IsSubtitle = isSubtitle,
            IsCaption = isCaption,
            IsQuote = isQuote,
            IsBibliography = heading is null && _styles.IsBibliography(style),
            IsAuthor = heading is null && _styles.IsAuthor(style),
            List = list,
            Direction = direction,
            Language = content.Language ?? LanguageOf(_styles.RunProperty(style, "lang"), text) ?? LanguageOf(_styles.DefaultRunProperties?.Element(W + "lang"), text),
            LanguageIsOwn = content.HasOwnLanguage,
        });
        foreach (var figure in content.Figures) blocks.Add(new DocxFigure(_paragraph, _firstWords, figure));
        blocks.AddRange(content.Extra);
        if (properties?.Element(W + "sectPr") is not null) _section++;
        (_paragraph, _firstWords) = savedPlace;
    }

    private static string FirstWords(XElement p)
    {
        var text = string.Concat(p.Descendants(W + "t").Where(t => t.Parent?.Parent?.Name != W + "del").Select(t => t.Value)).Trim();
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(6);
        var first = string.Join(' ', words);
        return first.Length > 60 ? first[..60] + "…" : first + (text.Length > first.Length ? "…" : string.Empty);
    }

    private const int QuoteIndent = 567; // 1 cm in twips

    // A block quote by indentation: indented from both margins by 1 cm or more, as Word's quotes are; or, in the body,
    // indented from the start 1 cm further than most of the body's text, without a hanging indent (a reference list's).
    // (w:left is the start of a right-to-left paragraph too; Strict writes w:start.)
    private bool IsIndentedQuote(XElement? properties, string? style)
    {
        var indent = properties?.Element(W + "ind") ?? _styles.ParagraphProperty(style, "ind");
        if (indent is null) return false;
        var start = Int(Attr(indent, "start") ?? Attr(indent, "left")) ?? 0;
        var end = Int(Attr(indent, "end") ?? Attr(indent, "right")) ?? 0;
        var hanging = Int(Attr(indent, "hanging")) ?? 0;
        return (start >= QuoteIndent && end >= QuoteIndent) || (!_inNote && hanging == 0 && start - _bodyIndent >= QuoteIndent);
    }

    // The start indentation most of the body's text has, weighted by its length (list paragraphs aside): a body indented
    // throughout is not a quote.
    private int BodyIndent(XElement body)
    {
        var weights = new Dictionary<int, long>();
        foreach (var p in body.Elements(W + "p"))
        {
            var properties = p.Element(W + "pPr");
            if (properties?.Element(W + "numPr") is not null) continue;
            var indent = properties?.Element(W + "ind") ?? _styles.ParagraphProperty(_styles.ParagraphStyleOf(properties), "ind");
            var start = Int(Attr(indent, "start") ?? Attr(indent, "left")) ?? 0;
            weights[start] = weights.GetValueOrDefault(start) + p.Descendants(W + "t").Sum(t => (long)t.Value.Length);
        }

        return weights.Count == 0 ? 0 : weights.OrderByDescending(w => w.Value).ThenBy(w => w.Key).First().Key;
    }

    private ListPlace? ListOf(XElement? properties, string? style)
    {
        var numPr = properties?.Element(W + "numPr");
        var styleNumPr = _styles.ParagraphProperty(style, "numPr");
        var numId = Int(Val(numPr, "numId")) ?? Int(Val(styleNumPr, "numId"));
        var level = Int(Val(numPr, "ilvl")) ?? Int(Val(styleNumPr, "ilvl")) ?? 0;
        if (numId is not { } id || _numbering.LevelOf(id, level) is not { } definition) return null;

        // Word counts on through a list even when other paragraphs come between; a deeper level starts again under each item.
        var number = _listCounters.TryGetValue((id, level), out var previous) ? previous + 1 : definition.Start;
        _listCounters[(id, level)] = number;
        foreach (var deeper in _listCounters.Keys.Where(k => k.NumId == id && k.Level > level).ToList()) _listCounters.Remove(deeper);
        return new ListPlace(id, Math.Clamp(level, 0, 8), definition.Ordered, number);
    }

    private static string? LanguageOf(XElement? lang, string text)
    {
        if (lang is null) return null;
        var arabic = text.Any(LanguageGuesser.IsArabicLetter);
        var value = arabic ? Attr(lang, "bidi") ?? Attr(lang, "val") : Attr(lang, "val");
        return value is { Length: >= 2 } ? value[..2].ToLowerInvariant() : null;
    }

    private void ReadTable(XElement table, List<DocxBlock> blocks)
    {
        var firstParagraph = table.Descendants(W + "p").FirstOrDefault();
        var savedPlace = (_paragraph, _firstWords);
        _paragraph = firstParagraph is null ? _paragraph : _paragraphNumbers.GetValueOrDefault(firstParagraph);
        _firstWords = firstParagraph is null ? string.Empty : FirstWords(firstParagraph);
        var where = _paragraph;
        var words = _firstWords;

        var rows = new List<TableRow>();
        var headerRows = 0;
        var nested = false;
        var figures = new List<Figure>();
        foreach (var row in Unwrapped(table, "tr"))
        {
            var rowProperties = row.Element(W + "trPr");
            var isHeader = rows.Count == headerRows && OnOff(rowProperties, "tblHeader") == true;
            var cells = new List<TableCell>();
            // Grid columns a row skips at its start (w:gridBefore) are empty places, so the cells below stay under their own column.
            var before = Math.Clamp(Int(Val(rowProperties, "gridBefore")) ?? 0, 0, 64);
            for (var i = 0; i < before; i++) cells.Add(new TableCell([]));
            foreach (var cell in Unwrapped(row, "tc"))
            {
                var properties = cell.Element(W + "tcPr");
                var span = Math.Clamp(Int(Val(properties, "gridSpan")) ?? 1, 1, 64);
                var inner = new List<DocxBlock>();
                ReadBlocks(cell, inner);
                nested |= inner.Any(b => b is DocxTable);
                var inlines = new List<Inline>();
                foreach (var block in inner)
                {
                    var piece = block switch
                    {
                        DocxParagraph p => p.Inlines,
                        DocxTable t => t.Table.Rows.SelectMany(r => r.Cells).SelectMany(c => c.Inlines.Prepend(new TextRun(" "))).ToList(),
                        _ => [],
                    };
                    if (block is DocxFigure f) figures.Add(f.Figure);
                    if (piece.Count == 0) continue;
                    if (inlines.Count > 0) inlines.Add(new TextRun(" "));
                    inlines.AddRange(piece);
                }

                // A merged cell: w:vMerge without "restart" continues the cell above, w:hMerge (older Word) the cell before;
                // the places they cover are written as such (never a continuation that holds text of its own: its words stay).
                var column = cells.Count;
                // (Never from the header row into the body: the model's header is the first row alone.)
                var above = rows.Count > 0 && !(rows.Count == 1 && headerRows > 0) ? rows[^1].Cells : null;
                var merge = inlines.Count > 0 ? CellMerge.None
                    : Continues(properties?.Element(W + "vMerge")) && above is not null && column + span <= above.Count ? CellMerge.Up
                    : Continues(properties?.Element(W + "hMerge")) && column > 0 ? CellMerge.Left
                    : CellMerge.None;
                cells.Add(new TableCell(inlines) { Merge = merge });
                for (var i = 1; i < span; i++) cells.Add(new TableCell([]) { Merge = merge == CellMerge.Up ? CellMerge.Up : CellMerge.Left });
            }

            if (cells.Count == 0) continue;
            if (isHeader) headerRows++;
            rows.Add(new TableRow(cells));
        }

        (_paragraph, _firstWords) = (where, words);
        if (headerRows > 1) Warn(DiagnosticCodes.DocxTableShape, Where, $"this table repeats {headerRows} header rows; the first is its header, the others are ordinary rows");
        if (nested) Warn(DiagnosticCodes.DocxTableShape, Where, "a table inside a table cell is kept as the cell's text");
        if (rows.Count > 0) blocks.Add(new DocxTable(where, words, new Table(rows, Math.Min(headerRows, 1))));
        foreach (var figure in figures) blocks.Add(new DocxFigure(where, words, figure));
        (_paragraph, _firstWords) = savedPlace;
    }

    // w:vMerge or w:hMerge continuing the merged cell before it: no w:val, or "continue" ("restart" starts one).
    private static bool Continues(XElement? merge) => merge is not null && Attr(merge, "val") is null or "continue";

    // Rows and cells may sit inside content controls or custom XML; those wrappers are unwrapped, in document order, with
    // an explicit stack (nested iterators would cost the depth for every row) and the same nesting limit as the walk.
    private List<XElement> Unwrapped(XElement parent, string local)
    {
        var found = new List<XElement>();
        var stack = new Stack<(IEnumerator<XElement> Children, int Depth)>();
        stack.Push((parent.Elements().GetEnumerator(), _nesting));
        while (stack.Count > 0)
        {
            var (children, depth) = stack.Peek();
            if (!children.MoveNext())
            {
                stack.Pop();
                continue;
            }

            var element = children.Current;
            if (element.Name == W + local) { found.Add(element); continue; }
            var inner = element.Name == W + "sdt" ? element.Element(W + "sdtContent") ?? element
                : element.Name == W + "customXml" || element.Name == W + "ins" ? element : null;
            if (inner is null) continue;
            if (depth >= MaxNesting)
            {
                TooDeep(element);
                break;
            }

            stack.Push((inner.Elements().GetEnumerator(), depth + 1));
        }

        return found;
    }

    // The address of a link to a bookmark: its anchor, or null (the text stays, with a warning) when the document holds no such bookmark.
    private string? LinkTo(string bookmark)
    {
        if (_targets.AnchorOf(bookmark) is { } anchor) return InternalTargets.Placeholder(anchor);
        Warn(DiagnosticCodes.DocxBookmarkMissing, Where, $"a link leads to the bookmark '{bookmark}', which the document does not hold; its text is kept without the link: in Word, insert the bookmark again or remove the link");
        return null;
    }

    private void Warn(string code, string where, string message)
    {
        if (_warned.Add(code + "\u0001" + where)) _diagnostics.Warning(code, where, 0, 0, message);
    }

    // Formatting the site does not show: its text is kept, and it is said once a document for each kind, where first met.
    private void FormattingLeftOut(string kind)
    {
        if (_warned.Add(DiagnosticCodes.DocxFormattingLeftOut + kind))
        {
            _diagnostics.Warning(DiagnosticCodes.DocxFormattingLeftOut, Where, 0, 0, $"{kind} is not shown on the site (its text is kept as plain text); this is the first place it is used");
        }
    }

    private void WarnOnce(string code, string message)
    {
        if (_warned.Add(code)) _diagnostics.Warning(code, Where, 0, 0, message);
    }

    /// <summary>An image of the document as a figure (with its media file), or null (with a warning or error) when it cannot be one.</summary>
    private Figure? Image(string? embedId, string? linkId, string alt)
    {
        if (embedId is null)
        {
            if (linkId is not null)
            {
                Warn(DiagnosticCodes.DocxLinkedImage, Where, "a linked image (a file outside the document) is never fetched; it is left out: in Word, insert the picture into the document");
            }

            return null;
        }

        OpenXmlPart? part;
        try
        {
            part = _part.GetPartById(embedId);
        }
        catch (ArgumentOutOfRangeException)
        {
            part = null;
        }

        if (part is null)
        {
            Warn(DiagnosticCodes.DocxImageMissing, Where, $"an image names a relationship ({embedId}) the document does not hold, so its picture is missing and it is left out: in Word, insert the picture again");
            return null;
        }

        var key = part.Uri.OriginalString;
        if (!_mediaByPart.TryGetValue(key, out var media))
        {
            var bytes = _package.ReadImage(part);
            if (bytes is null)
            {
                _diagnostics.Error(DiagnosticCodes.ImageTooLarge, Where, 0, 0,
                    $"the image {key.TrimStart('/')} is larger than {ImageCheck.MaxBytes / (1024 * 1024)} MiB; make it smaller in Word (Picture Format → Compress Pictures)");
                return null;
            }

            var extension = ImageCheck.WebExtension(bytes);
            if (extension is null)
            {
                var format = ImageCheck.OtherFormat(bytes) ?? "an unknown format";
                Warn(DiagnosticCodes.DocxImageFormat, Where, $"the image {key.TrimStart('/')} is {format}, which browsers do not show; it is left out: in Word, save it as PNG or JPEG and insert that");
                return null;
            }

            // The rule every published image passes; an SVG is kept as the allow-list writes it.
            var verdict = ImageRule.Check(bytes, null);
            if (verdict.Bytes is null)
            {
                var at = verdict.Line > 0 ? $" (line {verdict.Line}, column {verdict.Column} of the image)" : string.Empty;
                _diagnostics.Error(verdict.Code!, Where, 0, 0, $"the image {key.TrimStart('/')}{at}: {verdict.Problem}");
                return null;
            }

            bytes = verdict.Bytes;
            media = new MediaFile("media/" + MediaName(key, extension), bytes);
            _mediaByPart[key] = media;
            _media.Add(media);
        }

        if (alt.Length == 0) Warn(DiagnosticCodes.DocxNoAltText, Where, "an image has no alt text; readers who cannot see it get nothing: in Word, right-click it → Edit Alt Text");
        return new Figure(media.Path, alt, []);
    }

    // word/media/image1.png → image1.png, in ASCII, with the extension its bytes call for, never twice the same.
    private string MediaName(string partUri, string extension)
    {
        var name = Path.GetFileNameWithoutExtension(partUri);
        var safe = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? char.ToLowerInvariant(c) : '-').ToArray()).Trim('-');
        if (safe.Length == 0) safe = "image";
        var candidate = $"{safe}.{extension}";
        for (var i = 2; !_mediaNames.Add(candidate); i++) candidate = $"{safe}-{i.ToString(CultureInfo.InvariantCulture)}.{extension}";
        return candidate;
    }

    private void ControlCharacters(string text)
    {
        foreach (var c in text)
        {
            if (!Model.ControlCharacters.IsSuspicious(c) || _controlWarnings >= MaxControlWarnings) continue;
            _controlWarnings++;
            _diagnostics.Warning(DiagnosticCodes.DocxControlCharacter, Where, 0, 0,
                $"control character {Model.ControlCharacters.CodePoint(c)} is kept but shown as a visible mark, so it cannot hide or reorder the text");
        }
    }

    /// <summary>A field being read: its instruction, whether its result has begun, and what the result becomes.</summary>
    private sealed class Field
    {
        public StringBuilder Instruction { get; } = new();

        public bool InResult { get; set; }

        public FieldKind Kind { get; set; } = FieldKind.Plain;

        public string? Url { get; set; }

        public string? Bookmark { get; set; }
    }

    private enum FieldKind
    {
        Plain,
        Hyperlink,
        NoteReference,
        LeftOut,
    }

    private static void Interpret(Field field)
    {
        var instruction = field.Instruction.ToString().Trim();
        var words = Words(instruction);
        if (words.Count == 0) return;
        switch (words[0].ToUpperInvariant())
        {
            case "HYPERLINK":
                var local = words.SkipWhile(w => w != "\\l").Skip(1).FirstOrDefault();
                var url = words.Skip(1).Where((w, i) => !w.StartsWith('\\') && !(w == local && i > 0 && words[i] == "\\l")).FirstOrDefault();
                if (url is not null && LinkSafe(url)) { field.Kind = FieldKind.Hyperlink; field.Url = url + (local is null ? string.Empty : "#" + local); }
                else if (url is null && local is not null) { field.Kind = FieldKind.Hyperlink; field.Bookmark = local; }
                break;
            case "NOTEREF":
                field.Kind = FieldKind.NoteReference;
                field.Bookmark = words.ElementAtOrDefault(1);
                break;
            case "TOC":
            case "INDEX":
            case "TOA":
                field.Kind = FieldKind.LeftOut;
                break;
        }
    }

    // Words of a field instruction; quoted strings are one word, without their quotes.
    private static List<string> Words(string instruction)
    {
        var words = new List<string>();
        var i = 0;
        while (i < instruction.Length)
        {
            if (char.IsWhiteSpace(instruction[i])) { i++; continue; }
            if (instruction[i] == '"')
            {
                var end = instruction.IndexOf('"', i + 1);
                if (end < 0) end = instruction.Length;
                words.Add(instruction[(i + 1)..end]);
                i = end + 1;
                continue;
            }

            var start = i;
            while (i < instruction.Length && !char.IsWhiteSpace(instruction[i])) i++;
            words.Add(instruction[start..i]);
        }

        return words;
    }

    // Only web and mail addresses become links; anything else (file:, javascript:) stays text.
    private static bool LinkSafe(string url) =>
        Markdown.Safety.LinkSanitizer.SchemeOf(url) is "http" or "https" or "mailto";

    /// <summary>What one paragraph's runs make: its inlines, the figures and text-box paragraphs it anchors, its language and direction hints.</summary>
    private sealed class ParagraphContent(DocumentWalker walker, string? paragraphStyle)
    {
        private readonly List<Inline> _inlines = new();
        private readonly Stack<string?> _links = new();
        private readonly Dictionary<string, int> _languages = new(StringComparer.Ordinal);
        private (NoteSequence Sequence, NoteKey Key)? _pendingMark;

        public List<Inline> Inlines => _inlines;

        public List<Figure> Figures { get; } = new();

        public List<DocxBlock> Extra { get; } = new();

        public bool RightToLeftRuns { get; private set; }

        /// <summary>True when a run says its language itself (its w:lang or its character style's), not only through the paragraph's style or the document's default.</summary>
        public bool HasOwnLanguage { get; private set; }

        public string? Language => _languages.Count == 0 ? null : _languages.OrderByDescending(l => l.Value).ThenBy(l => l.Key, StringComparer.Ordinal).First().Key;

        private string? Link => _links.FirstOrDefault(l => l is not null)
            ?? walker._fields.Where(f => f.InResult && f.Kind == FieldKind.Hyperlink).Select(f => f.Url ?? (f.Bookmark is { } b ? walker.LinkTo(b) : null)).FirstOrDefault();

        private bool Suppressed => walker._fields.Any(f => !f.InResult || f.Kind is FieldKind.LeftOut or FieldKind.NoteReference);

        public void Walk(XElement container)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            foreach (var element in container.Elements())
            {
                var name = element.Name;
                if (name == W + "r") Run(element);
                else if (name == W + "hyperlink") walker.Deeper(element, () => Hyperlink(element));
                else if (name == W + "fldSimple") walker.Deeper(element, () => SimpleField(element));
                else if (name == W + "ins" || name == W + "moveTo" || name == W + "smartTag" || name == W + "customXml" || name == W + "dir" || name == W + "bdo") walker.Deeper(element, () => Walk(element));
                else if (name == W + "sdt") walker.Deeper(element, () => Walk(element.Element(W + "sdtContent") ?? element));
                else if (name == Mc + "AlternateContent") walker.Deeper(element, () => Walk(Choose(element)));
                else if (name == M + "oMath" || name == M + "oMathPara") Math(element);
                else if (name == W + "bookmarkStart" && !Suppressed && walker._targets.AnchorOf(Attr(element, "name")) is { } anchor) _inlines.Add(new Anchor(anchor));
                // w:del and w:moveFrom (deleted text), w:pPr, other bookmarks, comment ranges and proofing marks hold no text to keep.
            }
        }

        private void Hyperlink(XElement hyperlink)
        {
            string? url = null;
            var id = hyperlink.Attribute(R + "id")?.Value;
            if (id is not null)
            {
                var target = DocxPackage.HyperlinkTarget(walker._part, id);
                if (target is not null && LinkSafe(target)) url = target + (Attr(hyperlink, "anchor") is { } anchor ? "#" + anchor : string.Empty);
            }

            // A link to a bookmark inside the document (a cross-reference) leads to its anchor; to a bookmark the document
            // does not hold, it keeps its text with a warning.
            if (id is null && Attr(hyperlink, "anchor") is { } local && !Suppressed) url = walker.LinkTo(local);
            _links.Push(url);
            Walk(hyperlink);
            _links.Pop();
        }

        private void SimpleField(XElement field)
        {
            var state = new Field { InResult = true };
            state.Instruction.Append(Attr(field, "instr"));
            Interpret(state);
            if (walker._fields.Count >= MaxNesting)
            {
                walker.TooDeep(field);
                return;
            }

            walker._fields.Push(state);
            Walk(field);
            walker._fields.Pop();
            EndField(state);
        }

        private void EndField(Field field)
        {
            if (field.Kind == FieldKind.LeftOut) walker.WarnOnce(DiagnosticCodes.DocxFieldLeftOut, "a table of contents (or index) made by Word is left out; the site makes its own");
            if (field.Kind != FieldKind.NoteReference || field.Bookmark is null) return;
            if (walker._bookmarkedNotes.TryGetValue(field.Bookmark, out var note)) Reference(note.Kind, note.WordId, customMark: false);
        }

        private void Math(XElement math)
        {
            walker.WarnOnce(DiagnosticCodes.DocxObjectLeftOut, "an equation is kept as its plain text");
            Text(string.Concat(math.Descendants(M + "t").Select(t => t.Value)), default);
        }

        private void Run(XElement run) => RunContent(run, Format(run.Element(W + "rPr")));

        // A run's content; an mc:AlternateContent in it holds the run's content again (a drawing, a text box), of which one
        // copy is read: the Choice, or else the Fallback.
        private void RunContent(XElement run, RunFormat format)
        {
            foreach (var element in run.Elements())
            {
                var name = element.Name.LocalName;
                if (element.Name.Namespace == Mc && name == "AlternateContent")
                {
                    walker.Deeper(element, () => RunContent(Choose(element), format));
                    continue;
                }

                if (element.Name.Namespace != W) continue;
                switch (name)
                {
                    case "t":
                        Text(element.Value, format);
                        break;
                    case "instrText":
                        if (walker._fields.TryPeek(out var open) && !open.InResult) open.Instruction.Append(element.Value);
                        break;
                    case "fldChar":
                        FieldCharacter(Attr(element, "fldCharType"));
                        break;
                    case "tab":
                    case "ptab":
                        Text(" ", format);
                        break;
                    case "br":
                        if (Attr(element, "type") is null or "textWrapping" && !Suppressed) _inlines.Add(new LineBreak());
                        break;
                    case "cr":
                        if (!Suppressed) _inlines.Add(new LineBreak());
                        break;
                    case "noBreakHyphen":
                        Text("\u2011", format);
                        break;
                    case "softHyphen":
                        Text("\u00AD", format);
                        break;
                    case "sym":
                        Symbol(element, format);
                        break;
                    case "footnoteReference":
                    case "endnoteReference":
                        if (Suppressed || Attr(element, "id") is not { } id) break;
                        var custom = element.Attribute(W + "customMarkFollows")?.Value is { } follows && follows is not ("0" or "false" or "off");
                        Reference(name == "footnoteReference" ? NoteKind.Footnote : NoteKind.Endnote, id, custom);
                        break;
                    case "drawing":
                        Drawing(element);
                        break;
                    case "pict":
                    case "object":
                        Vml(element);
                        break;
                }
            }
        }

        private void FieldCharacter(string? type)
        {
            switch (type)
            {
                case "begin":
                    if (walker._fields.Count >= MaxNesting) walker.TooDeep(new XElement(W + "fldChar"));
                    else walker._fields.Push(new Field());
                    break;
                case "separate":
                    if (walker._fields.TryPeek(out var field) && !field.InResult)
                    {
                        field.InResult = true;
                        Interpret(field);
                    }

                    break;
                case "end":
                    if (walker._fields.TryPop(out var ended))
                    {
                        if (!ended.InResult) Interpret(ended);
                        EndField(ended);
                    }

                    break;
            }
        }

        private void Reference(NoteKind kind, string wordId, bool customMark)
        {
            if (walker._inNote) return; // a note inside a note is not something Word makes
            var sequence = kind == NoteKind.Footnote ? walker._footnotes : walker._endnotes;
            if (!sequence.Holds(wordId))
            {
                walker._diagnostics.Error(DiagnosticCodes.DocxNoteMissing, walker.Where, 0, 0,
                    $"a {sequence.Name} reference (w:id {wordId}) points to no {sequence.Name} of the document; the document is damaged: delete the reference and insert the {sequence.Name} again");
                return;
            }

            var key = sequence.Refer(wordId, walker._section, walker._paragraph, customMark, walker.Where, walker._diagnostics);
            _inlines.Add(new NoteReference(key.Kind, key.Id));
            if (customMark) _pendingMark = (sequence, key);
        }

        private void Symbol(XElement symbol, RunFormat format)
        {
            var font = Attr(symbol, "font") ?? string.Empty;
            var code = int.TryParse(Attr(symbol, "char"), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var c) ? c : -1;
            // Word stores a symbol of an ordinary font as F000 + its code; symbol fonts (Symbol, Wingdings…) have no Unicode meaning.
            var symbolFont = font.Contains("Symbol", StringComparison.OrdinalIgnoreCase) || font.Contains("Wingdings", StringComparison.OrdinalIgnoreCase) || font.Contains("Webdings", StringComparison.OrdinalIgnoreCase);
            if (code is >= 0xF020 and <= 0xF0FF && !symbolFont) { Text(((char)(code - 0xF000)).ToString(), format); return; }
            if (code is > 0 and < 0xD800 && !symbolFont && code is < 0xE000 or > 0xF8FF) { Text(((char)code).ToString(), format); return; }
            walker.Warn(DiagnosticCodes.DocxSymbol, walker.Where, $"a symbol of the font '{font}' (code {Attr(symbol, "char")}) has no Unicode character and is left out; insert it as a Unicode character in Word");
        }

        private void Drawing(XElement drawing)
        {
            if (Suppressed) return;
            var frame = drawing.Element(Wp + "inline") ?? drawing.Element(Wp + "anchor");
            if (frame is null) return;
            var description = frame.Element(Wp + "docPr");
            var alt = (description?.Attribute("descr")?.Value ?? string.Empty).Trim();
            if (alt.Length == 0) alt = (description?.Attribute("title")?.Value ?? string.Empty).Trim();
            var graphic = frame.Descendants(A + "graphicData").FirstOrDefault();
            var uri = graphic?.Attribute("uri")?.Value ?? string.Empty;
            var blip = frame.Descendants(A + "blip").FirstOrDefault();
            if (blip is not null && !uri.Contains("chart", StringComparison.Ordinal) && !uri.Contains("diagram", StringComparison.Ordinal))
            {
                if (walker.Image(blip.Attribute(R + "embed")?.Value, blip.Attribute(R + "link")?.Value, alt) is { } figure) Figures.Add(figure);
            }
            else if (uri.Contains("chart", StringComparison.Ordinal) || uri.Contains("diagram", StringComparison.Ordinal))
            {
                walker.Warn(DiagnosticCodes.DocxObjectLeftOut, walker.Where, "a chart or SmartArt graphic is left out; in Word, paste it as a picture (PNG) with alt text");
            }

            TextBoxes(frame);
        }

        // Every text box of a drawing or a VML shape (a group holds several), each once: a box inside another box is read
        // with the box that holds it.
        private void TextBoxes(XElement frame)
        {
            foreach (var box in frame.Descendants(W + "txbxContent"))
            {
                if (box.Ancestors().TakeWhile(a => a != frame).Any(a => a.Name == W + "txbxContent")) continue;
                walker.Deeper(box, () => walker.ReadBlocks(box, Extra));
            }
        }

        private void Vml(XElement element)
        {
            if (Suppressed) return;
            foreach (var image in element.Descendants(V + "imagedata"))
            {
                var alt = (image.Parent?.Attribute("alt")?.Value ?? image.Attribute(Xml.GetName("title"))?.Value ?? string.Empty).Trim();
                if (walker.Image(image.Attribute(R + "id")?.Value, image.Attribute(R + "href")?.Value, alt) is { } figure) Figures.Add(figure);
            }

            if (element.Name.LocalName == "object" && !element.Descendants(V + "imagedata").Any())
            {
                walker.Warn(DiagnosticCodes.DocxObjectLeftOut, walker.Where, "an embedded object is left out; in Word, paste it as a picture");
            }

            TextBoxes(element);
        }

        private void Text(string text, RunFormat format)
        {
            if (text.Length == 0 || Suppressed || format.Hidden) return;
            if (_pendingMark is { } pending)
            {
                // The text typed right after a custom-marked reference is the mark itself.
                _pendingMark = null;
                pending.Sequence.SetCustomMark(pending.Key, text.Trim());
                return;
            }

            walker.ControlCharacters(text);
            var complex = format.RightToLeft || format.ComplexScript || text.Any(LanguageGuesser.IsArabicLetter);
            if (format.RightToLeft) RightToLeftRuns = true;
            var lang = complex ? format.BidiLanguage ?? format.Language : format.Language;
            if (lang is { Length: >= 2 }) _languages[lang[..2].ToLowerInvariant()] = _languages.GetValueOrDefault(lang[..2].ToLowerInvariant()) + text.Length;
            if (lang is { Length: >= 2 } && format.LanguageIsOwn) HasOwnLanguage = true;

            Inline inline = new TextRun(text.Replace('\r', ' ').Replace('\n', ' '));
            if (format.VerticalAlign == "superscript") inline = new Styled(TextStyle.Superscript, [inline]);
            else if (format.VerticalAlign == "subscript") inline = new Styled(TextStyle.Subscript, [inline]);
            if (format.Struck) inline = new Styled(TextStyle.Strikethrough, [inline]);
            // A link is shown underlined anyway: Word's Hyperlink style underlines it, which is no emphasis of the author's.
            if (format.Underlined && Link is null) inline = new Styled(TextStyle.Underline, [inline]);
            if (format.SmallCaps) inline = new Styled(TextStyle.SmallCaps, [inline]);
            if (format.Highlighted) walker.FormattingLeftOut("highlighting");
            if (complex ? format.ItalicComplex ?? format.Italic ?? false : format.Italic ?? false) inline = new Styled(TextStyle.Emphasis, [inline]);
            if (complex ? format.BoldComplex ?? format.Bold ?? false : format.Bold ?? false) inline = new Styled(TextStyle.Strong, [inline]);
            if (Link is { } url) inline = new Link(url, [inline]);
            _inlines.Add(inline);
        }

        private RunFormat Format(XElement? properties)
        {
            var runStyle = Val(properties, "rStyle");
            XElement? Get(string name) =>
                properties?.Element(W + name) ?? walker._styles.RunProperty(runStyle, name) ?? walker._styles.RunProperty(paragraphStyle, name)
                ?? walker._styles.DefaultRunProperties?.Element(W + name);
            bool? Flag(string name) => IsOn(Get(name));
            var lang = Get("lang");
            return new RunFormat(
                Flag("b"), Flag("bCs"), Flag("i"), Flag("iCs"), Attr(Get("vertAlign"), "val"),
                Flag("vanish") == true || Flag("specVanish") == true, Flag("rtl") == true, Flag("cs") == true,
                Attr(lang, "val"), Attr(lang, "bidi"))
            {
                Struck = Flag("strike") == true || Flag("dstrike") == true,
                Underlined = Attr(Get("u"), "val") is { } underline && underline != "none",
                SmallCaps = Flag("smallCaps") == true,
                Highlighted = Attr(Get("highlight"), "val") is { } highlight && highlight != "none",
                LanguageIsOwn = (properties?.Element(W + "lang") ?? walker._styles.RunProperty(runStyle, "lang")) is not null,
            };
        }
    }

    /// <summary>A run's formatting as resolved from its own properties, its character style, its paragraph's style and the defaults.</summary>
    private readonly record struct RunFormat(
        bool? Bold, bool? BoldComplex, bool? Italic, bool? ItalicComplex, string? VerticalAlign, bool Hidden, bool RightToLeft, bool ComplexScript,
        string? Language, string? BidiLanguage)
    {
        /// <summary>The w:lang is the run's own or its character style's, not the paragraph style's or the document's default.</summary>
        public bool LanguageIsOwn { get; init; }

        /// <summary>w:strike or w:dstrike: kept, as ~~struck~~.</summary>
        public bool Struck { get; init; }

        /// <summary>w:u other than none: kept, as ++underlined++.</summary>
        public bool Underlined { get; init; }

        /// <summary>w:smallCaps: kept, as %%small caps%%.</summary>
        public bool SmallCaps { get; init; }

        public bool Highlighted { get; init; }
    }
}

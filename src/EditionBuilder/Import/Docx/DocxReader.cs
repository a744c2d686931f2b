using System.Xml.Linq;
using EditionBuilder.Diagnostics;
using EditionBuilder.Model;
using static EditionBuilder.Import.Docx.WordNames;

namespace EditionBuilder.Import.Docx;

/// <summary>Reads a Word document (.docx) into an <see cref="Article"/>: chapters, notes as Word numbers and marks them, abstracts, images; reports every problem with its position (docs/diagnostics.md, EB05nn).</summary>
public static class DocxReader
{
    /// <summary>True when the file's name says it is a Word document (.docx, .docm, .dotx or an old .doc), which this reader answers for.</summary>
    public static bool IsWordFile(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".docx" or ".docm" or ".dotx" or ".dotm" or ".doc";

    /// <summary>True when the bytes are a zip or an OLE container: a Word document, whatever its name.</summary>
    public static bool LooksLikeWord(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("PK\x03\x04"u8) || bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);

    /// <summary>Reads the document; null when an error was reported (nothing is then to be written).</summary>
    public static Article? Read(string path, byte[] bytes, DiagnosticBag diagnostics, DocxLimits? limits = null)
    {
        using var package = DocxPackage.Open(path, bytes, limits ?? DocxLimits.Default, diagnostics);
        if (package is null) return null;
        try
        {
            return Read(package, diagnostics);
        }
        catch (InsufficientExecutionStackException)
        {
            // The walker's nesting limit comes long before this; should a deep document still reach the stack's end, it is
            // refused like one past the limit, and the process (edition serve among them) goes on.
            diagnostics.Error(DiagnosticCodes.DocxNestedTooDeep, path, 0, 0, "the document nests tables, content controls or other structures too deeply to be read; save it again from Word, or simplify it");
            return null;
        }
        catch (Exception e) when (DocxPackage.IsPackageFault(e))
        {
            // A relationship naming a missing part, or a part the packaging cannot read: the file is damaged, not the tool.
            DocxPackage.ReportDamaged(path, bytes, diagnostics);
            return null;
        }
    }

    private static Article? Read(DocxPackage package, DiagnosticBag diagnostics)
    {
        var errorsBefore = diagnostics.ErrorCount;

        var main = package.Main;
        var document = package.Load(main, diagnostics);
        var body = document?.Root?.Element(W + "body");
        if (document is not null && body is null)
        {
            diagnostics.Error(DiagnosticCodes.DocxPartMissing, package.Where(main), 0, 0, "word/document.xml has no body (w:body): the document is damaged");
        }

        var styles = package.Related(main.StyleDefinitionsPart, "styles") is { } stylesPart ? StyleSheet.Read(package.Load(stylesPart, diagnostics)) : StyleSheet.Empty;
        var numbering = package.Related(main.NumberingDefinitionsPart, "numbering") is { } numberingPart ? NumberingDefinitions.Read(package.Load(numberingPart, diagnostics)) : NumberingDefinitions.Empty;
        var settings = package.Related(main.DocumentSettingsPart, "settings") is { } settingsPart ? package.Load(settingsPart, diagnostics)?.Root : null;
        var footnotesPart = package.Related(main.FootnotesPart, "footnotes");
        var endnotesPart = package.Related(main.EndnotesPart, "endnotes");
        var footnotesXml = footnotesPart is not null ? package.Load(footnotesPart, diagnostics) : null;
        var endnotesXml = endnotesPart is not null ? package.Load(endnotesPart, diagnostics) : null;
        if (body is null || diagnostics.ErrorCount > errorsBefore) return null;

        // Each section's own note numbering (w:sectPr in a paragraph ends a section; the body's last w:sectPr is the last section's).
        var sections = body.Descendants(W + "sectPr").Where(s => s.Parent?.Name == W + "pPr" || s.Parent?.Name == W + "body").ToList();
        var footnotes = new NoteSequence(NoteKind.Footnote, footnotesXml, settings?.Element(W + "footnotePr"), sections.Select(s => s.Element(W + "footnotePr")).ToList());
        var endnotes = new NoteSequence(NoteKind.Endnote, endnotesXml, settings?.Element(W + "endnotePr"), sections.Select(s => s.Element(W + "endnotePr")).ToList());

        var walker = new DocumentWalker(package, styles, numbering, footnotes, endnotes, diagnostics);
        var blocks = walker.ReadBody(body);
        if (diagnostics.ErrorCount > errorsBefore) return null;

        var notes = new Dictionary<NoteKey, Note>();
        foreach (var (sequence, part) in new[] { (footnotes, footnotesPart), (endnotes, endnotesPart) })
        {
            foreach (var assigned in sequence.InOrder)
            {
                var paragraphs = walker.ReadNote(part!, sequence.Body(assigned.WordId));
                notes[assigned.Key] = new Note(assigned.Key.Kind, assigned.Key.Id, sequence.MarkOf(assigned.Key), paragraphs);
            }

            foreach (var unreferenced in sequence.Unreferenced)
            {
                diagnostics.Warning(DiagnosticCodes.DocxUncitedNote, package.Where(part), 0, 0,
                    $"{sequence.Name} w:id {unreferenced} is referred to nowhere in the text, so Word does not show it; it is left out");
            }
        }

        if (diagnostics.ErrorCount > errorsBefore) return null;
        // A bookmark on a heading that becomes a chapter's title is that chapter's page.
        var headingAnchors = blocks.OfType<DocxParagraph>().Where(p => p.HeadingLevel is not null)
            .SelectMany(p => InlineText.Descendants(p.Inlines).OfType<Anchor>().Select(a => (a.Id, p.Text.Trim()))).ToList();
        var assembler = new ChapterAssembler(package.Path, diagnostics);
        var (chapters, abstracts, front) = assembler.Assemble(blocks);
        if (chapters.All(c => c.Blocks.All(b => b is Paragraph p && string.IsNullOrWhiteSpace(p.PlainText))) && abstracts.Count == 0 && assembler.References is null)
        {
            diagnostics.Error(DiagnosticCodes.EmptySource, package.Path, 0, 0, "the document has no text (no paragraph, table or figure): there is nothing to publish");
            return null;
        }

        var references = assembler.References;
        if (references is not null)
        {
            var cited = chapters.SelectMany(c => c.NoteReferences).Select(r => r.Key).ToHashSet();
            var (folded, onlyText) = ReferenceNotes.Fold(references, notes, cited.Contains, package.Path, diagnostics);
            references = folded;
            foreach (var key in onlyText) notes.Remove(key);
        }

        var placed = ChapterAssembler.PlaceNotes(chapters, notes);
        var (linked, linkedReferences) = InternalLinks.Resolve(placed, references, headingAnchors, package.Path, diagnostics);
        return new Article(linked, abstracts) { Media = walker.Media, FrontMatter = front, References = linkedReferences };
    }
}

using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Import.Census;
using EditionBuilder.Markdown;
using EditionBuilder.Model;
using FsCheck;
using FsCheck.Fluent;
using Xunit;
using Paragraph = EditionBuilder.Model.Paragraph;
using Table = EditionBuilder.Model.Table;
using Word = DocumentFormat.OpenXml.Wordprocessing;

namespace EditionBuilder.Tests.Import.Census;

/// <summary>
/// Random Word documents, written with the Open XML SDK (not by our reader's fixtures): sections headed in Arabic, English and French,
/// paragraphs with notes, lists, tables, a references section (a note in it sometimes) and abstracts in either order. Imported, every
/// word of the document is in what the import writes, exactly as often as the document has it, and a dropped paragraph is caught.
/// </summary>
public class RandomDocumentTests
{
    private static readonly string[] Arabic = ["السياسة", "الخارجية", "روسيا", "إيران", "الشراكة", "النووي", "الاستراتيجية", "الطاقة", "العقوبات", "سوريا", "١٩٩٠"];
    private static readonly string[] English = ["partnership", "between", "Russia", "Iran", "policy", "nuclear", "energy", "sanctions", "agreement", "regional", "2015"];
    private static readonly string[] French = ["politique", "étrangère", "partenariat", "entre", "énergie", "nucléaire", "accord", "région", "Moscou"];

    /// <summary>A paragraph's text and, when it cites one, its note's text.</summary>
    public sealed record Text(string Words, string? Note);

    /// <summary>A block of a section: a paragraph, a list (numbered or not) or a table.</summary>
    public abstract record Part;

    public sealed record Para(Text Text) : Part;

    public sealed record Items(bool Ordered, List<string> Entries) : Part;

    public sealed record Grid(List<List<string>> Rows) : Part;

    public sealed record Section(string Heading, List<Part> Parts);

    public sealed record Document(List<Section> Sections, string ReferencesHeading, List<Text> References, List<(string Heading, List<string> Paragraphs)> Abstracts, bool ReferencesFirst);

    private static Gen<string> Words(string[] vocabulary, int min, int max) =>
        from count in Gen.Choose(min, max)
        from words in Gen.ArrayOf(Gen.Elements(vocabulary), count)
        select string.Join(' ', words);

    private static Gen<string[]> Language => Gen.Elements(Arabic, English, French);

    private static Gen<Text> Sentence(string[] vocabulary, bool notes) =>
        from words in Words(vocabulary, 3, 20)
        from note in notes ? Gen.Frequency((1, Words(vocabulary, 2, 8).Select(n => (string?)(n + "."))), (2, Gen.Constant((string?)null))) : Gen.Constant((string?)null)
        select new Text(words + ".", note);

    private static Gen<Part> PartOf(string[] vocabulary) => Gen.Frequency(
        (4, Sentence(vocabulary, notes: true).Select(t => (Part)new Para(t))),
        (1, from ordered in Gen.Elements(true, false)
            from count in Gen.Choose(2, 4)
            from entries in Gen.ListOf(Words(vocabulary, 1, 6), count)
            select (Part)new Items(ordered, entries.ToList())),
        (1, from rows in Gen.Choose(1, 3)
            from cells in Gen.ListOf(Gen.ListOf(Words(vocabulary, 1, 3), 2).Select(r => r.ToList()), rows)
            select (Part)new Grid(cells.ToList())));

    private static Gen<Section> SectionGen =>
        from vocabulary in Language
        from heading in Words(vocabulary, 1, 4)
        from count in Gen.Choose(1, 4)
        from parts in Gen.ListOf(PartOf(vocabulary), count)
        select new Section(heading, parts.ToList());

    private static Gen<Document> DocumentGen =>
        from count in Gen.Choose(1, 5)
        from sections in Gen.ListOf(SectionGen, count)
        from referencesHeading in Gen.Elements("References", "المراجع", "Bibliographie", "قائمة المصادر والمراجع")
        from referenceCount in Gen.Choose(0, 3)
        from references in Gen.ListOf(Gen.OneOf(Sentence(English, notes: true), Sentence(Arabic, notes: true)), referenceCount)
        from english in Gen.Elements(true, false)
        from french in Gen.Elements(true, false)
        from englishText in Gen.ListOf(Words(English, 8, 30).Select(w => w + "."), 1)
        from frenchText in Gen.ListOf(Words(French, 8, 30).Select(w => w + "."), 1)
        from referencesFirst in Gen.Elements(true, false)
        select new Document(sections.ToList(), referencesHeading, references.ToList(),
            (english ? new[] { ("Abstract", englishText.ToList()) } : []).Concat(french ? new[] { ("Résumé", frenchText.ToList()) } : []).ToList(), referencesFirst);

    /// <summary>The document as a .docx, made with the Open XML SDK: Heading 1 style, two numberings (bullets, decimal), footnotes.</summary>
    public static byte[] Write(Document document)
    {
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = package.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Word.Document(body);
            main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(
                new Style(new StyleName { Val = "heading 1" }, new StyleParagraphProperties(new OutlineLevel { Val = 0 })) { Type = StyleValues.Paragraph, StyleId = "Heading1" });
            main.AddNewPart<NumberingDefinitionsPart>().Numbering = new Numbering(
                new AbstractNum(new Level(new NumberingFormat { Val = NumberFormatValues.Bullet }, new LevelText { Val = "•" }) { LevelIndex = 0 }) { AbstractNumberId = 1 },
                new AbstractNum(new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = NumberFormatValues.Decimal }, new LevelText { Val = "%1." }) { LevelIndex = 0 }) { AbstractNumberId = 2 },
                new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 1 },
                new NumberingInstance(new AbstractNumId { Val = 2 }) { NumberID = 2 });
            var footnotes = new Footnotes(
                new Footnote(new Word.Paragraph(new Run(new SeparatorMark()))) { Type = FootnoteEndnoteValues.Separator, Id = -1 },
                new Footnote(new Word.Paragraph(new Run(new ContinuationSeparatorMark()))) { Type = FootnoteEndnoteValues.ContinuationSeparator, Id = 0 });
            var noteId = 0;

            Word.Paragraph Plain(Text text)
            {
                var paragraph = new Word.Paragraph(new Run(new Word.Text(text.Words)));
                if (text.Note is null) return paragraph;
                noteId++;
                paragraph.Append(new Run(new RunProperties(new VerticalTextAlignment { Val = VerticalPositionValues.Superscript }), new FootnoteReference { Id = noteId }));
                footnotes.Append(new Footnote(new Word.Paragraph(new Run(new FootnoteReferenceMark()), new Run(new Word.Text(" " + text.Note) { Space = SpaceProcessingModeValues.Preserve }))) { Id = noteId });
                return paragraph;
            }

            void Heading(string text) => body.Append(new Word.Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "Heading1" }), new Run(new Word.Text(text))));

            foreach (var section in document.Sections)
            {
                Heading(section.Heading);
                foreach (var part in section.Parts)
                {
                    switch (part)
                    {
                        case Para p:
                            body.Append(Plain(p.Text));
                            break;
                        case Items list:
                            foreach (var entry in list.Entries)
                            {
                                body.Append(new Word.Paragraph(
                                    new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = list.Ordered ? 2 : 1 })),
                                    new Run(new Word.Text(entry))));
                            }

                            break;
                        case Grid grid:
                            body.Append(new Word.Table(grid.Rows.Select(r => new Word.TableRow(r.Select(c => new Word.TableCell(new Word.Paragraph(new Run(new Word.Text(c)))))))));
                            break;
                    }
                }
            }

            void References()
            {
                if (document.References.Count == 0) return;
                Heading(document.ReferencesHeading);
                foreach (var entry in document.References) body.Append(Plain(entry));
            }

            if (document.ReferencesFirst) References();
            foreach (var (heading, paragraphs) in document.Abstracts)
            {
                Heading(heading);
                foreach (var text in paragraphs) body.Append(new Word.Paragraph(new Run(new Word.Text(text))));
            }

            if (!document.ReferencesFirst) References();
            main.AddNewPart<FootnotesPart>().Footnotes = footnotes;
        }

        return stream.ToArray();
    }

    // Every word the document holds, as often as it holds it.
    private static List<string> WordsOf(Document document)
    {
        var texts = new List<string>();
        void Add(Text t)
        {
            texts.Add(t.Words);
            if (t.Note is not null) texts.Add(t.Note);
        }

        foreach (var section in document.Sections)
        {
            texts.Add(section.Heading);
            foreach (var part in section.Parts)
            {
                switch (part)
                {
                    case Para p: Add(p.Text); break;
                    case Items list: texts.AddRange(list.Entries); break;
                    case Grid grid: texts.AddRange(grid.Rows.SelectMany(r => r)); break;
                }
            }
        }

        if (document.References.Count > 0) texts.Add(document.ReferencesHeading);
        foreach (var entry in document.References) Add(entry);
        foreach (var (heading, paragraphs) in document.Abstracts) texts.AddRange(paragraphs.Prepend(heading));
        return texts.SelectMany(Letters.Words).Order(StringComparer.Ordinal).ToList();
    }

    private static List<string> WordsWritten(Article article) =>
        WrittenCensus.Of(ArticleMarkdown.Write(article, ArticleMarkdown.MetadataFrom(article)).Where(f => f.Path.EndsWith(".md", StringComparison.Ordinal)).ToList())
            .Texts.SelectMany(Letters.Words).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void Given_random_Word_documents_When_imported_Then_the_written_words_are_the_documents_words_and_every_note_is_kept()
    {
        var property = Prop.ForAll(DocumentGen.ToArbitrary(), document =>
        {
            var diagnostics = new DiagnosticBag();
            var article = SourceReader.Read("random.docx", Write(document), diagnostics, out var kept);
            var expected = WordsOf(document);
            var written = article is null ? [] : WordsWritten(article);
            var notes = document.Sections.SelectMany(s => s.Parts).OfType<Para>().Count(p => p.Text.Note is not null);
            var ok = article is not null && kept is { AllKept: true } && expected.SequenceEqual(written) && article.Notes.Count() == notes;
            return ok.Label(string.Join('\n', diagnostics.Items) + "\nmissing: " + string.Join(' ', Difference(expected, written)) + "\nextra: " + string.Join(' ', Difference(written, expected)));
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(120), property);
    }

    [Fact]
    public void Given_random_Word_documents_When_a_paragraph_is_dropped_from_what_the_import_writes_Then_the_conservation_check_fails()
    {
        var cases = from document in DocumentGen from pick in Gen.Choose(0, 1000) select (document, pick);
        var property = Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var bytes = Write(c.document);
            var article = SourceReader.Read("random.docx", bytes, new DiagnosticBag())!;
            var candidates = article.Chapters.SelectMany(ch => ch.Blocks.Select(b => (Chapter: ch, Block: b)))
                .Where(x => x.Block is Paragraph p && Letters.Words(p.PlainText).Any() || x.Block is ItemList or Table).ToList();
            if (candidates.Count == 0) return true.Label("no block to drop");
            var (chapter, dropped) = candidates[c.pick % candidates.Count];
            var mutated = article with { Chapters = article.Chapters.Select(ch => ch == chapter ? ch with { Blocks = ch.Blocks.Where(b => !ReferenceEquals(b, dropped)).ToList() } : ch).ToList() };
            var diagnostics = new DiagnosticBag();
            var report = ConservationCheck.Check("random.docx", DocxCensus.Take(bytes)!, WrittenCensus.Of(ArticleMarkdown.Write(mutated, ArticleMarkdown.MetadataFrom(mutated))), diagnostics,
                (article.References?.NoteReferencesMadeText ?? 0, article.References?.NotesMadeText ?? 0));
            return (!report.AllKept && diagnostics.Items.Any(d => d.Severity == Severity.Error && d.Code is DiagnosticCodes.ImportTextLost or DiagnosticCodes.ImportNotesLost))
                .Label($"dropping {dropped.GetType().Name} went unnoticed");
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(120), property);
    }

    [Fact]
    public void Given_a_document_of_this_generator_with_back_matter_When_imported_Then_its_references_abstracts_lists_tables_and_notes_are_found()
    {
        // The generator's documents reach every path the property means to cover: this one is among them, written the same way.
        var document = new Document(
            [
                new Section("السياسة الخارجية", [new Para(new Text("روسيا إيران الشراكة.", "الطاقة النووي.")), new Items(true, ["روسيا", "إيران"])]),
                new Section("partnership between Russia", [new Grid([["Russia", "2015"], ["Iran", "energy"]]), new Para(new Text("nuclear energy policy.", null))]),
            ],
            "References",
            [new Text("Russia Iran partnership agreement.", "energy policy."), new Text("الشراكة الاستراتيجية.", null)],
            [("Abstract", ["partnership between Russia and Iran in nuclear energy."]), ("Résumé", ["partenariat entre Moscou et énergie nucléaire."])],
            ReferencesFirst: false);

        var article = SourceReader.Read("fixed.docx", Write(document), new DiagnosticBag(), out var kept)!;

        Assert.True(kept!.AllKept, kept.Summary);
        Assert.Equal(["السياسة الخارجية", "partnership between Russia"], article.Chapters.Select(c => c.Title));
        Assert.Equal(["ar", "en"], article.Chapters.Select(c => c.Language));
        Assert.Equal(2, article.References!.Entries.Count);
        Assert.Equal(1, article.References.NotesMadeText);
        Assert.Equal(["en", "fr"], article.Abstracts.Select(a => a.Language));
        Assert.Single(article.Notes);
        Assert.True(Assert.Single(article.Chapters[0].Blocks.OfType<ItemList>()).Ordered);
        Assert.Single(article.Chapters[1].Blocks.OfType<Table>());
        Assert.Equal(WordsOf(document), WordsWritten(article));
    }

    private static IEnumerable<string> Difference(List<string> a, List<string> b)
    {
        var counts = b.GroupBy(w => w).ToDictionary(g => g.Key, g => g.Count());
        foreach (var word in a)
        {
            if (counts.TryGetValue(word, out var n) && n > 0) counts[word] = n - 1;
            else yield return word;
        }
    }
}

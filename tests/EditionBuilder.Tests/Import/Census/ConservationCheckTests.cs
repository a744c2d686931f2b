using EditionBuilder.Diagnostics;
using EditionBuilder.Fuzz;
using EditionBuilder.Import;
using EditionBuilder.Import.Census;
using EditionBuilder.Markdown;
using EditionBuilder.Model;
using EditionBuilder.Tests.Import.Docx;
using EditionBuilder.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace EditionBuilder.Tests.Import.Census;

/// <summary>The import proves it kept the text: the seed loses nothing, a dropped paragraph or note is an error naming it, random documents keep every word.</summary>
public class ConservationCheckTests
{
    private static (Article Article, ConservationReport Kept, DiagnosticBag Diagnostics) Import(string path, byte[] bytes)
    {
        var diagnostics = new DiagnosticBag();
        var article = SourceReader.Read(path, bytes, diagnostics, out var kept);
        Assert.True(article is not null && kept is not null, string.Join('\n', diagnostics.Items));
        return (article, kept, diagnostics);
    }

    [Fact]
    public void Given_the_seed_text_export_When_imported_Then_every_letter_and_note_is_kept()
    {
        var (_, kept, diagnostics) = Import("article.txt", Repo.SeedBytes());

        Assert.True(kept.AllKept, kept.Summary);
        Assert.Equal(40, kept.Notes);
        Assert.True(kept.Letters > 40_000, kept.Summary);
        Assert.DoesNotContain(diagnostics.Items, d => d.Code is DiagnosticCodes.ImportTextLost or DiagnosticCodes.ImportNotesLost);
        Assert.EndsWith("40 notes: all kept", kept.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_the_seed_as_a_Word_document_When_imported_Then_every_letter_and_note_is_kept()
    {
        var (_, kept, _) = Import("article.docx", SeedDocxTests.SeedDocx());

        Assert.True(kept.AllKept, kept.Summary);
        Assert.Equal(40, kept.Notes);
    }

    [Fact]
    public void Given_the_seed_When_one_paragraph_is_dropped_from_what_the_import_writes_Then_the_check_names_that_line_and_its_words()
    {
        var lines = SourceDecoder.Decode("article.txt", Repo.SeedBytes(), new DiagnosticBag())!;
        var census = TextExportCensus.Take(lines);
        var article = WordExportReader.Read("article.txt", lines, new DiagnosticBag())!;
        var chapter = article.Chapters[2];
        var dropped = chapter.Blocks.OfType<Paragraph>().First(p => !p.ReferencedNotes.Any() && Letters.Words(p.PlainText).Count() > 5);
        var mutated = article with { Chapters = article.Chapters.Select(c => c == chapter ? c with { Blocks = c.Blocks.Where(b => !ReferenceEquals(b, dropped)).ToList() } : c).ToList() };
        var diagnostics = new DiagnosticBag();

        var report = ConservationCheck.Check("article.txt", census, WrittenCensus.Of(ArticleMarkdown.Write(mutated, ArticleMarkdown.MetadataFrom(mutated))), diagnostics);

        Assert.False(report.AllKept);
        var error = Assert.Single(diagnostics.Items, d => d.Code == DiagnosticCodes.ImportTextLost);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal(dropped.SourceLine, error.Line);
        var words = Letters.Words(dropped.PlainText).Count();
        var said = int.Parse(error.Message.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(said, words * 9 / 10, words);
        Assert.Contains(" words would be lost: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(dropped.PlainText.Trim()[..20], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_the_seed_When_a_note_reference_is_dropped_Then_the_check_reports_the_notes_lost()
    {
        var lines = SourceDecoder.Decode("article.txt", Repo.SeedBytes(), new DiagnosticBag())!;
        var article = WordExportReader.Read("article.txt", lines, new DiagnosticBag())!;
        var first = article.Chapters.First(c => c.Notes.Count > 0);
        var withoutReferences = first with
        {
            Blocks = first.Blocks.Select(b => b is Paragraph p ? p with { Inlines = p.Inlines.Where(i => i is not NoteReference).ToList() } : b).ToList(),
        };
        var mutated = article with { Chapters = article.Chapters.Select(c => c == first ? withoutReferences : c).ToList() };
        var diagnostics = new DiagnosticBag();

        var report = ConservationCheck.Check("article.txt", TextExportCensus.Take(lines), WrittenCensus.Of(ArticleMarkdown.Write(mutated, ArticleMarkdown.MetadataFrom(mutated))), diagnostics);

        Assert.True(report.NoteReferencesLost > 0);
        Assert.Contains(diagnostics.Items, d => d.Code == DiagnosticCodes.ImportNotesLost && d.Severity == Severity.Error);
    }

    [Fact]
    public void Given_a_Word_document_When_counted_Then_deleted_text_field_instructions_hidden_text_and_the_second_copy_of_alternate_content_are_not_counted()
    {
        var box = """
            <w:r><mc:AlternateContent xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><mc:Choice Requires="wps"><w:drawing><wp:anchor><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>Datum plane</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></wp:anchor></w:drawing></mc:Choice>
            <mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Datum plane</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>
            """;
        var fixture = new DocxFixture
        {
            Body = DocxFixture.Paragraph(DocxFixture.Run("kept ") + "<w:del w:id=\"1\"><w:r><w:delText>deleted</w:delText></w:r></w:del>"
                + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>HYPERLINK \"https://example.org\"</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
                + DocxFixture.Run("shown") + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>" + DocxFixture.Run(" hidden", "<w:vanish/>") + DocxFixture.FootnoteReference("2"))
                + DocxFixture.Paragraph(box),
            Footnotes = DocxFixture.Note("footnote", "2", DocxFixture.Run("the note")),
        };

        var census = DocxCensus.Take(fixture.Build())!;

        var texts = census.Paragraphs.Select(p => p.Text.Trim()).Where(t => t.Length > 0).ToList();
        Assert.Equal(["kept shown", "Datum plane", "the note"], texts);
        Assert.Equal(1, census.NoteReferences);
        Assert.Equal(1, census.Notes);
        Assert.StartsWith("word/footnotes.xml:paragraph ", census.Paragraphs[^1].Where, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_Strict_Open_XML_document_When_counted_Then_its_text_is_read_in_the_purl_namespace()
    {
        var fixture = new DocxFixture { Body = DocxFixture.Paragraph(DocxFixture.Run("Strict words")) };
        var bytes = StrictCopy(fixture.Build());

        var census = DocxCensus.Take(bytes)!;

        Assert.Equal("Strict words", Assert.Single(census.Paragraphs).Text);
    }

    // The same package with WordprocessingML's Strict namespace in document.xml and Strict relationship types.
    private static byte[] StrictCopy(byte[] docx)
    {
        using var input = new System.IO.Compression.ZipArchive(new MemoryStream(docx));
        var output = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(output, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                var text = reader.ReadToEnd()
                    .Replace("http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main", StringComparison.Ordinal)
                    .Replace("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships", StringComparison.Ordinal);
                using var writer = new StreamWriter(zip.CreateEntry(entry.FullName).Open());
                writer.Write(text);
            }
        }

        return output.ToArray();
    }

    private static readonly string[] Vocabulary =
    [
        "السياسة", "الخارجية", "روسيا", "إيران", "الشراكة", "في", "من", "على", "النووي", "الاستراتيجية", "2015", "١٩٩٠",
        "the", "partnership", "between", "Russia", "and", "Iran", "policy", "nuclear", "été", "politique", "étrangère", "et",
    ];

    private static Gen<string> Sentence(int min, int max) =>
        from count in Gen.Choose(min, max)
        from words in Gen.ArrayOf(Gen.Elements(Vocabulary), count)
        select string.Join(' ', words);

    private static Gen<(string Heading, List<(string Text, bool Note)> Paragraphs)> Section() =>
        from heading in Sentence(1, 4)
        from count in Gen.Choose(1, 4)
        from paragraphs in Gen.ListOf(Gen.Zip(Sentence(3, 30), Gen.Elements(true, false)), count)
        select (heading, paragraphs.Select(p => (p.Item1 + ".", p.Item2)).ToList());

    [Fact]
    public void Given_random_Word_documents_When_imported_Then_every_word_and_note_is_kept()
    {
        var documents = from count in Gen.Choose(1, 6) from sections in Gen.ListOf(Section(), count) select sections;
        var property = Prop.ForAll(documents.ToArbitrary(), sections =>
        {
            var body = new System.Text.StringBuilder();
            var notes = new System.Text.StringBuilder();
            var id = 1;
            foreach (var (heading, paragraphs) in sections)
            {
                body.Append(DocxFixture.Paragraph(DocxFixture.Run(heading), "<w:pStyle w:val=\"Heading1\"/>"));
                foreach (var (text, note) in paragraphs)
                {
                    var reference = note ? DocxFixture.FootnoteReference((++id).ToString(System.Globalization.CultureInfo.InvariantCulture)) : string.Empty;
                    if (note) notes.Append(DocxFixture.Note("footnote", id.ToString(System.Globalization.CultureInfo.InvariantCulture), DocxFixture.Run("note " + text)));
                    body.Append(DocxFixture.Paragraph(DocxFixture.Run(text) + reference));
                }
            }

            var bytes = new DocxFixture { Body = body.ToString(), Footnotes = notes.ToString() }.Build();
            var diagnostics = new DiagnosticBag();
            var article = SourceReader.Read("random.docx", bytes, diagnostics, out var kept);
            return (article is not null && kept is { AllKept: true }).Label(string.Join('\n', diagnostics.Items) + "\n" + body);
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(150), property);
    }

    [Fact]
    public void Given_a_text_export_with_two_English_blocks_after_the_notes_When_imported_Then_the_second_is_an_English_chapter_and_nothing_is_lost()
    {
        const string Long = "This study examines the partnership between Russia and Iran in nuclear energy since the agreements of the nineteen nineties and the reasons why it lasted despite sanctions.";
        var text = "المقدمة\n\n[bookmark: _ftnref1]فقرة أولى من النص تنتهي بنقطة.[1]\n\n[1]- حاشية أولى.\n\nThe Russian-Iranian Partnership\n\n" + Long
            + "\n\nA Second English Summary\n\n" + Long.Replace("study", "paper", StringComparison.Ordinal) + "\n";

        var (article, kept, diagnostics) = Import("two-english.txt", System.Text.Encoding.UTF8.GetBytes(text));

        Assert.True(kept.AllKept, kept.Summary);
        Assert.Equal("The Russian-Iranian Partnership", Assert.Single(article.Abstracts).Title);
        var second = article.Chapters[^1];
        Assert.Equal(("A Second English Summary", "en"), (second.Title, second.Language));
        Assert.Contains("lang: en\ndir: ltr\n", ChapterWriter.Write(second), StringComparison.Ordinal);
        Assert.Contains(diagnostics.Items, d => d.Code == DiagnosticCodes.AbstractLanguageUnknown && d.Message.Contains("chapter of its own", StringComparison.Ordinal));
    }
}

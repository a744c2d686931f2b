using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using EditionBuilder.Diagnostics;
using EditionBuilder.Fuzz;
using EditionBuilder.Import.Docx;
using EditionBuilder.Model;
using Xunit;
using Xunit.Abstractions;
using static EditionBuilder.Fuzz.DocxFixture;

namespace EditionBuilder.Tests.Import.Docx;

/// <summary>Word structures inside one another (issue 29, items 7 and 8): a positioned error past the limits, never a stack overflow, in time linear in the document.</summary>
public class WordNestingTests(ITestOutputHelper output)
{
    private const string Text = "<w:p><w:r><w:t>the innermost words</w:t></w:r></w:p>";

    /// <summary>A .docx whose word/document.xml is the given XML, stored (not deflated), as an attacker would make it to pass the zip's ratio checks.</summary>
    public static byte[] Stored(byte[] docx, string documentXml)
    {
        using var stream = new MemoryStream();
        stream.Write(docx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry("word/document.xml")?.Delete();
            using var entry = zip.CreateEntry("word/document.xml", CompressionLevel.NoCompression).Open();
            entry.Write(Encoding.UTF8.GetBytes(documentXml));
        }

        return stream.ToArray();
    }

    private static string Document(string body) => $"<w:document {Namespaces}><w:body>{body}</w:body></w:document>";

    private static string Repeat(string s, int n) => new StringBuilder(s.Length * n).Insert(0, s, n).ToString();

    /// <summary>word/document.xml with <paramref name="levels"/> tables, each in the only cell of the one around it.</summary>
    public static string NestedTables(int levels) => Document(Repeat("<w:tbl><w:tr><w:tc>", levels) + Text + Repeat("</w:tc></w:tr></w:tbl>", levels));

    private static string InParagraph(string open, string close, int levels) =>
        Document("<w:p>" + Repeat(open, levels) + "<w:r><w:t>the innermost words</w:t></w:r>" + Repeat(close, levels) + "</w:p>");

    private static byte[] Base() => new DocxFixture { Body = Text }.Build();

    private (Article? Article, List<Diagnostic> Diagnostics) Read(byte[] docx, string what)
    {
        var diagnostics = new DiagnosticBag();
        var clock = Stopwatch.StartNew();
        var article = DocxReader.Read("deep.docx", docx, diagnostics);
        output.WriteLine($"{what} ({docx.Length:N0} bytes): {clock.ElapsedMilliseconds} ms");
        return (article, diagnostics.Items.ToList());
    }

    private static Diagnostic SingleError(Article? article, List<Diagnostic> diagnostics, string code)
    {
        Assert.Null(article);
        var error = Assert.Single(diagnostics, d => d.Severity == Severity.Error);
        Assert.True(error.Code == code, string.Join('\n', diagnostics));
        return error;
    }

    [Fact]
    public void Given_10000_nested_tables_When_read_Then_the_part_is_refused_at_the_line_and_column_where_it_passes_the_limit()
    {
        var (article, diagnostics) = Read(Stored(Base(), NestedTables(10_000)), "10,000 nested tables");

        var error = SingleError(article, diagnostics, DiagnosticCodes.DocxXmlTooDeep);
        Assert.Equal("deep.docx:word/document.xml", error.Path);
        Assert.Equal(1, error.Line);
        Assert.True(error.Column > 0);
    }

    [Theory]
    [InlineData("w:sdt", "<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>", 100_000)]
    [InlineData("w:customXml", "<w:customXml w:element=\"x\">", "</w:customXml>", 200_000)]
    [InlineData("w:hyperlink", "<w:hyperlink>", "</w:hyperlink>", 50_000)]
    [InlineData("w:ins", "<w:ins w:id=\"1\" w:author=\"a\">", "</w:ins>", 50_000)]
    public void Given_structures_nested_by_the_hundred_thousand_in_a_paragraph_When_read_Then_one_positioned_error(string what, string open, string close, int levels)
    {
        var (article, diagnostics) = Read(Stored(Base(), InParagraph(open, close, levels)), $"{levels:N0} nested {what}");

        var error = SingleError(article, diagnostics, DiagnosticCodes.DocxXmlTooDeep);
        Assert.Equal("deep.docx:word/document.xml", error.Path);
    }

    [Fact]
    public void Given_100000_nested_block_content_controls_When_read_Then_one_positioned_error()
    {
        var body = Repeat("<w:sdt><w:sdtContent>", 100_000) + Text + Repeat("</w:sdtContent></w:sdt>", 100_000);

        var (article, diagnostics) = Read(Stored(Base(), Document(body)), "100,000 nested block w:sdt");

        SingleError(article, diagnostics, DiagnosticCodes.DocxXmlTooDeep);
    }

    [Fact]
    public void Given_64_nested_tables_When_read_Then_the_innermost_words_are_kept()
    {
        var (article, diagnostics) = Read(Stored(Base(), NestedTables(DocumentWalker.MaxNesting)), "64 nested tables");

        Assert.True(article is not null, string.Join('\n', diagnostics));
        var table = Assert.IsType<Table>(Assert.Single(article.Chapters.SelectMany(c => c.Blocks)));
        Assert.Contains("the innermost words", InlineText.Plain(table.Rows[0].Cells[0].Inlines));
    }

    [Fact]
    public void Given_65_nested_tables_When_read_Then_the_limit_is_named_at_the_paragraph_inside()
    {
        var (article, diagnostics) = Read(Stored(Base(), NestedTables(DocumentWalker.MaxNesting + 1)), "65 nested tables");

        var error = SingleError(article, diagnostics, DiagnosticCodes.DocxNestedTooDeep);
        Assert.Equal("deep.docx:word/document.xml:paragraph 1 (“the innermost words”)", error.Path);
        Assert.Contains("64 levels", error.Message);
    }

    [Theory]
    [InlineData("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>")]
    [InlineData("<w:customXml w:element=\"x\">", "</w:customXml>")]
    [InlineData("<w:smartTag w:element=\"x\">", "</w:smartTag>")]
    [InlineData("<w:hyperlink w:anchor=\"x\">", "</w:hyperlink>")]
    [InlineData("<w:fldSimple w:instr=\"PAGE\">", "</w:fldSimple>")]
    public void Given_100_structures_nested_in_a_paragraph_When_read_Then_the_walk_stops_at_its_limit(string open, string close)
    {
        var (article, diagnostics) = Read(Stored(Base(), InParagraph(open, close, 100)), "100 nested " + open);

        var error = SingleError(article, diagnostics, DiagnosticCodes.DocxNestedTooDeep);
        Assert.StartsWith("deep.docx:word/document.xml:paragraph 1", error.Path);
    }

    [Fact]
    public void Given_fields_begun_50000_times_and_never_ended_When_read_Then_one_error_in_linear_time()
    {
        var paragraph = "<w:p>" + Repeat("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>", 50_000) + Repeat("<w:r><w:t>x</w:t></w:r>", 50_000) + "</w:p>";

        var (article, diagnostics) = Read(Stored(Base(), Document(paragraph)), "50,000 fields begun");

        var error = SingleError(article, diagnostics, DiagnosticCodes.DocxNestedTooDeep);
        Assert.StartsWith("deep.docx:word/document.xml:paragraph 1", error.Path);
    }

    [Fact]
    public void Given_70_nested_tables_inside_a_footnote_When_read_Then_the_error_names_the_notes_part()
    {
        var fixture = new DocxFixture
        {
            Body = Paragraph(Run("a sentence with a note") + FootnoteReference("1")),
            Footnotes = $"<w:footnote w:id=\"1\">{Repeat("<w:tbl><w:tr><w:tc>", 70)}{Text}{Repeat("</w:tc></w:tr></w:tbl>", 70)}</w:footnote>",
        };

        var (article, diagnostics) = Read(fixture.Build(), "70 nested tables in a footnote");

        var error = SingleError(article, diagnostics, DiagnosticCodes.DocxNestedTooDeep);
        Assert.StartsWith("deep.docx:word/footnotes.xml:paragraph", error.Path);
    }

    [Fact]
    public void Given_10000_nested_tables_inside_a_footnote_When_read_Then_the_notes_part_is_refused()
    {
        var fixture = new DocxFixture
        {
            Body = Paragraph(Run("a sentence with a note") + FootnoteReference("1")),
            Footnotes = $"<w:footnote w:id=\"1\">{Repeat("<w:tbl><w:tr><w:tc>", 10_000)}{Text}{Repeat("</w:tc></w:tr></w:tbl>", 10_000)}</w:footnote>",
        };

        var (article, diagnostics) = Read(fixture.Build(), "10,000 nested tables in a footnote");

        var error = SingleError(article, diagnostics, DiagnosticCodes.DocxXmlTooDeep);
        Assert.Equal("deep.docx:word/footnotes.xml", error.Path);
    }
}

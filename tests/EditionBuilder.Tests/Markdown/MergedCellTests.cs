using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Markdown;
using EditionBuilder.Model;
using EditionBuilder.Pdf;
using EditionBuilder.Tests.Jats;
using EditionBuilder.Tests.Pdf;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Markdown;

/// <summary>Merged table cells (<c>&lt;&lt;</c> and <c>^^</c> in a pipe table, Word's gridSpan and vMerge): kept through the Markdown and shown as spans on the site, in the e-book's XHTML, in JATS and in the PDF's Typst source.</summary>
public class MergedCellTests
{
    private const string Chapter = """
        ---
        title: "المقدمة"
        lang: ar
        dir: rtl
        order: 1
        slug: 01-almqdma
        ---

        | السنة | الحدث | << |
        | --- | --- | --- |
        | 1995 | اتفاق | بوشهر |
        | ^^ | تشغيل | \<\< |
        | \^\^ | ^^ | x |

        """;

    private static string Html(string markdown) => Markdig.Markdown.ToHtml(markdown, EditionMarkdown.CreatePipeline());

    private static Table ReadTable(string markdown)
    {
        var diagnostics = new DiagnosticBag();
        var read = ChapterReader.Read("01.md", markdown, diagnostics);
        Assert.True(read is not null, string.Join('\n', diagnostics.Items));
        return Assert.IsType<Table>(Assert.Single(read.Chapter.Blocks));
    }

    [Fact]
    public void Given_cells_marked_as_covered_from_the_left_and_from_above_When_rendered_Then_the_cells_span_and_escaped_markers_stay_text()
    {
        var html = Html(Chapter);

        Assert.Contains("<th colspan=\"2\">الحدث</th>", html);
        Assert.Contains("<td rowspan=\"2\">1995</td>", html);
        // The escaped markers are text; "^^" under a cell that is covered itself reaches the cell that covers it.
        Assert.Contains("<td>&lt;&lt;</td>", html);
        Assert.Contains("<td>^^</td>", html);
        Assert.Contains("<td rowspan=\"2\">تشغيل</td>", html);
        Assert.DoesNotContain("<td><<</td>", html);
        Assert.Equal(4, html.Split("<tr>").Length - 1);
        // The row under the spanning 1995 has two cells of its own.
        var third = html.Split("<tr>")[3];
        Assert.Equal(2, third.Split("<td").Length - 1);
    }

    [Fact]
    public void Given_markers_with_nothing_to_cover_When_rendered_Then_they_are_empty_cells_never_shown_as_markers()
    {
        var html = Html("| << | a |\n| --- | --- |\n| ^^ | b |\n| c | ^^ |\n");

        // "<<" in the first column covers nothing; "^^" in the body's first row would reach into the header.
        Assert.DoesNotContain("&lt;&lt;", html);
        Assert.DoesNotContain("^^", html);
        Assert.DoesNotContain("colspan", html);
        Assert.Contains("<td rowspan=\"2\">b</td>", html);
        Assert.Equal(3, html.Split("<tr>").Length - 1);
    }

    [Fact]
    public void Given_a_table_with_merged_cells_in_the_model_When_written_and_read_back_Then_it_is_the_same_table()
    {
        var cell = (string text) => new TableCell([new TextRun(text)]);
        var table = new Table(
        [
            new TableRow([cell("a"), new TableCell([]) { Merge = CellMerge.Left }, cell("b")]),
            new TableRow([cell("c"), new TableCell([]) { Merge = CellMerge.Left }, cell("e")]),
            new TableRow([new TableCell([]) { Merge = CellMerge.Up }, new TableCell([]) { Merge = CellMerge.Up }, cell("<<")]),
            new TableRow([cell("g"), cell("f"), new TableCell([]) { Merge = CellMerge.Up }]),
        ], 1);
        var chapter = new EditionBuilder.Model.Chapter(1, "t", "01-t", [table], []);

        var markdown = ChapterWriter.Write(chapter);
        var back = ReadTable(markdown);

        Assert.Contains("| a | << | b |", markdown);
        Assert.Contains("| ^^ | ^^ | \\<\\< |", markdown);
        Assert.Equal(table, back);
        // A cell two wide and two high.
        Assert.Contains("<td colspan=\"2\" rowspan=\"2\">c</td>", Html(markdown));
    }

    [Fact]
    public void Given_merged_cells_When_written_as_JATS_and_Typst_Then_they_keep_their_spans()
    {
        var edition = JatsWriterTests.Edition(Chapter);

        var jats = JatsArticles.Parse(JatsArticles.Write(edition));
        var typst = new TypstArticle(new EditionMetadata(), SeedSite.Get().Templates.Strings, new PdfPageStyle("a4", "25mm", "١"))
            .Write(PdfArticles.Parse(edition), new HashSet<string>(), null);

        var th = jats.Descendants("th").Single(e => e.Value == "الحدث");
        Assert.Equal("2", (string?)th.Attribute("colspan"));
        Assert.Equal("2", (string?)jats.Descendants("td").Single(e => e.Value == "1995").Attribute("rowspan"));
        Assert.Equal(["1995", "اتفاق", "بوشهر"], jats.Descendants("tr").ElementAt(1).Elements("td").Select(e => e.Value));
        Assert.Contains("table(columns: 3,", typst);
        Assert.Contains("table.cell(colspan: 2)[", typst);
        Assert.Contains("table.cell(rowspan: 2)[", typst);
    }

    [Fact]
    public void Given_the_LibreOffice_document_whose_table_has_a_header_row_and_merged_cells_When_imported_Then_they_are_th_and_spans_on_the_page()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Repo.TestsFolder, "Import", "Census", "Corpus", "libreoffice-article.docx"));
        var diagnostics = new DiagnosticBag();

        var article = SourceReader.Read("libreoffice-article.docx", bytes, diagnostics, out _);

        Assert.True(article is not null, string.Join('\n', diagnostics.Items));
        var table = article.Chapters.SelectMany(c => c.Blocks).OfType<Table>().Single();
        Assert.Equal(1, table.HeaderRows);
        Assert.Equal([CellMerge.None, CellMerge.None, CellMerge.Left], table.Rows[0].Cells.Select(c => c.Merge));
        Assert.Equal([CellMerge.Up, CellMerge.None, CellMerge.None], table.Rows[2].Cells.Select(c => c.Merge));
        var html = Html(ChapterWriter.Write(article.Chapters.First(c => c.Blocks.Contains(table))));
        Assert.Contains("<th colspan=\"2\">الحدث والمكان</th>", html);
        Assert.Contains("<td rowspan=\"2\">1995</td>", html);
        Assert.DoesNotContain(diagnostics.Items, d => d.Code == DiagnosticCodes.DocxMergedCells);
    }
}

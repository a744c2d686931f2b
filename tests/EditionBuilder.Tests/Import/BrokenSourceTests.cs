using System.Text;
using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using Xunit;

namespace EditionBuilder.Tests.Import;

/// <summary>Every kind of broken source gives positioned diagnostics, all of them in one run, and no article.</summary>
public class BrokenSourceTests
{
    private const string Heading = "المقدمة";

    private static (EditionBuilder.Model.Article? Article, IReadOnlyList<Diagnostic> Diagnostics) Read(string text) => Read(Encoding.UTF8.GetBytes(text));

    private static (EditionBuilder.Model.Article? Article, IReadOnlyList<Diagnostic> Diagnostics) Read(byte[] bytes)
    {
        var diagnostics = new DiagnosticBag();
        var article = WordExportReader.Read("in.txt", bytes, diagnostics);
        return (article, diagnostics.Items);
    }

    private static Diagnostic Only(IReadOnlyList<Diagnostic> diagnostics, string code) => Assert.Single(diagnostics, d => d.Code == code);

    [Theory]
    [InlineData("")]
    [InlineData("  \n\u00A0\n\n")]
    public void Given_an_empty_file_When_read_Then_EB0001(string text)
    {
        var (article, diagnostics) = Read(text);

        Assert.Null(article);
        Assert.Equal("in.txt:1:1: error EB0001: the source is empty: it holds no text", Assert.Single(diagnostics).ToString());
    }

    [Fact]
    public void Given_a_binary_file_When_read_Then_EB0002_at_the_first_NUL_byte()
    {
        var (article, diagnostics) = Read([(byte)'a', (byte)'\n', (byte)'b', (byte)'c', 0, 1, 2]);

        Assert.Null(article);
        var error = Only(diagnostics, DiagnosticCodes.BinarySource);
        Assert.Equal((2, 3), (error.Line, error.Column));
    }

    [Fact]
    public void Given_invalid_UTF8_When_read_Then_EB0003_at_the_line_and_column_of_each_bad_byte()
    {
        var bytes = Encoding.UTF8.GetBytes($"{Heading}\nنص ").Concat(new byte[] { 0xFF }).Concat(Encoding.UTF8.GetBytes("x\n")).Concat(new byte[] { 0xC3 }).ToArray();

        var (article, diagnostics) = Read(bytes);

        Assert.Null(article);
        Assert.Equal(
            ["in.txt:2:4: error EB0003: invalid UTF-8: byte 0xFF is not part of a valid character; save the document as UTF-8 text",
             "in.txt:3:1: error EB0003: invalid UTF-8: byte 0xC3 is not part of a valid character; save the document as UTF-8 text"],
            diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Given_a_note_defined_twice_When_read_Then_EB0005_at_the_second_definition()
    {
        var (article, diagnostics) = Read($"{Heading}\n[bookmark: _ftnref1]نص[1].\n\n[1]- أولى\n[1]- ثانية\n");

        Assert.Null(article);
        var error = Only(diagnostics, DiagnosticCodes.NoteDefinedTwice);
        Assert.Equal((5, 2), (error.Line, error.Column));
        Assert.Contains("note 1", error.Message);
    }

    [Fact]
    public void Given_a_bookmark_whose_paragraph_has_no_reference_When_read_Then_EB0006_at_the_bookmark()
    {
        var (article, diagnostics) = Read($"{Heading}\nنص [bookmark: _ftnref2]بلا إحالة.\n\n[2]- ملاحظة\n");

        Assert.Null(article);
        var error = Only(diagnostics, DiagnosticCodes.BookmarkWithoutReference);
        Assert.Equal((2, 4), (error.Line, error.Column));
    }

    [Fact]
    public void Given_notes_with_no_text_before_them_When_read_Then_EB0007()
    {
        var (article, diagnostics) = Read("\n\n[1]- ملاحظة\n[2]- أخرى\n");

        Assert.Null(article);
        var error = Only(diagnostics, DiagnosticCodes.NotesWithoutText);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Given_a_note_without_text_When_read_Then_EB0008()
    {
        var (article, diagnostics) = Read($"{Heading}\n[bookmark: _ftnref1]نص[1].\n\n[1]-   \n");

        Assert.Null(article);
        Assert.Equal(4, Only(diagnostics, DiagnosticCodes.EmptyNote).Line);
    }

    [Fact]
    public void Given_several_problems_When_read_Then_all_are_reported_in_one_run_in_source_order()
    {
        var (article, diagnostics) = Read($"{Heading}\nأ[7] ب[8].\n[bookmark: _ftnref9]ج.\n\n[1]- ملاحظة\n");

        Assert.Null(article);
        Assert.Equal(
            ["in.txt:2:2: error EB0004", "in.txt:2:7: error EB0004", "in.txt:3:1: error EB0006", "in.txt:5:1: warning EB0102"],
            diagnostics.Select(d => d.ToString()[..d.ToString().IndexOf(':', d.ToString().IndexOf("EB", StringComparison.Ordinal))]));
    }

    [Fact]
    public void Given_warnings_only_When_read_Then_the_article_is_kept_and_each_warning_is_positioned()
    {
        var (article, diagnostics) = Read($"{Heading}\nنص[2] ونص[1].\n\n[2]- ثانية\n[1]- أولى\n[3]- غير مستشهد بها\n");

        Assert.NotNull(article);
        Assert.Equal(
            ["in.txt:2:3: warning EB0101", "in.txt:2:10: warning EB0101", "in.txt:5:2: warning EB0103", "in.txt:6:1: warning EB0102"],
            diagnostics.Select(d => d.ToString()[..d.ToString().IndexOf(':', d.ToString().IndexOf("EB", StringComparison.Ordinal))]));
        Assert.Equal([2, 1, 3], article.Notes.Select(n => n.Number));
    }

    [Fact]
    public void Given_text_before_the_first_heading_When_read_Then_a_warning_and_an_untitled_first_chapter()
    {
        var (article, diagnostics) = Read("هذه فقرة طويلة تبدأ النص مباشرة من دون عنوان، وتنتهي بنقطة.\n\nعنوان\nفقرة.\n");

        Assert.NotNull(article);
        Assert.Equal(DiagnosticCodes.TextBeforeFirstHeading, Assert.Single(diagnostics).Code);
        Assert.Equal(["", "عنوان"], article.Chapters.Select(c => c.Title));
    }

    [Fact]
    public void Given_a_one_sentence_English_abstract_under_an_Abstract_heading_after_the_notes_When_imported_Then_it_is_the_English_abstract_not_part_of_the_last_note()
    {
        var (article, diagnostics) = Read($"{Heading}\n[bookmark: _ftnref1]نص[1] ونص[2].\n\n[1]- أولى\n[2]- وزارة الزراعة، التقرير السنوي، ٢٠٢١.\nAbstract\nThis study examines the impact of climate on agriculture.\nKeywords: climate, Nile\n");

        Assert.NotNull(article);
        Assert.DoesNotContain(diagnostics, d => d.Severity == Severity.Error);
        var files = EditionBuilder.Markdown.ArticleMarkdown.Write(article, EditionBuilder.Markdown.ArticleMarkdown.MetadataFrom(article));
        Assert.DoesNotContain(files, f => f.Path.StartsWith("ar/", StringComparison.Ordinal) && f.Text.Contains("This study examines", StringComparison.Ordinal));
        Assert.Contains("This study examines", files.Single(f => f.Path == "en/abstract.md").Text, StringComparison.Ordinal);
        var summary = Assert.Single(article.Abstracts);
        Assert.Equal("en", summary.Language);
        Assert.Contains("impact of climate", string.Join(" ", summary.Paragraphs), StringComparison.Ordinal);
    }
}

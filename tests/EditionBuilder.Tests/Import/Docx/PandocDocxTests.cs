using EditionBuilder.Diagnostics;
using EditionBuilder.Import.Docx;
using EditionBuilder.Markdown;
using EditionBuilder.Model;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Import.Docx;

/// <summary>A .docx written by Debian's pandoc (not by Word) reads as well: headings, title, formatting, notes, table, list, quote, link.</summary>
public class PandocDocxTests
{
    private const string Pandoc = "/usr/bin/pandoc";

    private const string Source = """
        ---
        title: عنوان المقال
        lang: ar
        dir: rtl
        ---

        # المقدمة

        نص **عريض** و*مائل* مع حاشية[^1] و[رابط](https://example.org/a).

        | الدولة | السنة |
        |---|---|
        | روسيا | 2015 |

        1. أول
        2. ثانٍ

        > اقتباس طويل بعض الشيء

        # الخاتمة

        نص أخير[^2].

        [^1]: حاشية *مائلة*.
        [^2]: ثانية.
        """;

    private static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private const string Manuscript = """
        ---
        title: المياه والسياسة
        subtitle: قراءة في أزمة سد النهضة
        author: د. ليلى حسن
        ---

        ليلى حسن

        جامعة القاهرة

        # المقدمة

        نص المقدمة هنا.[^1]

        # Abstract

        This article studies the politics of water in the Nile basin and the crisis of the Grand Ethiopian Renaissance Dam over a decade of negotiations.

        Keywords: Nile, GERD, water security

        [^1]: See https://www.example.org/nile-report, accessed 12 March 2021.
        """;

    private static byte[] PandocDocx(string source = Source)
    {
        RequirePandoc();
        using var temp = new TempFolder();
        temp.File("in.md", source);
        return PandocDocuments.Docx(temp);
    }

    [SkippableFact]
    public void Given_a_docx_made_by_pandoc_When_imported_Then_it_has_its_chapters_title_formatting_notes_table_list_quote_and_link()
    {
        var diagnostics = new DiagnosticBag();

        var article = DocxReader.Read("pandoc.docx", PandocDocx(), diagnostics);

        Assert.True(article is not null, string.Join('\n', diagnostics.Items));
        Assert.DoesNotContain(diagnostics.Items, d => d.Severity == Severity.Error);
        Assert.Equal(["المقدمة", "الخاتمة"], article.Chapters.Select(c => c.Title));
        Assert.Equal("عنوان المقال", article.Opening.Title);
        Assert.Equal(["1", "2"], article.Notes.Select(n => n.Mark));
        Assert.Contains(new Styled(TextStyle.Emphasis, [new TextRun("مائلة")]), article.Notes.First().Paragraphs[0].Inlines);

        var first = ChapterWriter.Write(article.Chapters[0]);
        Assert.Contains("نص **عريض** و*مائل* مع حاشية[^1] و[رابط](https://example.org/a).", first);
        var blocks = article.Chapters[0].Blocks;
        var table = Assert.Single(blocks.OfType<Table>());
        Assert.Equal(1, table.HeaderRows);
        Assert.Equal(["الدولة", "السنة", "روسيا", "2015"], table.Rows.SelectMany(r => r.Cells).Select(c => InlineText.Plain(c.Inlines)));
        Assert.True(Assert.Single(blocks.OfType<ItemList>()).Ordered);
        Assert.Equal("اقتباس طويل بعض الشيء", Assert.IsType<Paragraph>(Assert.Single(blocks.OfType<Quote>()).Blocks.Single()).PlainText);
    }

    [SkippableFact]
    public void Given_a_pandoc_manuscript_with_a_subtitle_a_byline_and_an_Abstract_heading_When_imported_Then_the_subtitle_is_no_author_and_Abstract_is_no_title()
    {
        var diagnostics = new DiagnosticBag();

        var article = DocxReader.Read("manuscript.docx", PandocDocx(Manuscript), diagnostics);

        Assert.True(article is not null, string.Join('\n', diagnostics.Items));
        Assert.Equal("المياه والسياسة", article.Opening.Title);
        Assert.Equal("قراءة في أزمة سد النهضة", article.Opening.Subtitle);
        var author = Assert.Single(article.Opening.Authors); // pandoc's byline and the name line are one person
        Assert.Equal("ليلى حسن", author.Name);
        Assert.Equal(["جامعة القاهرة"], author.Affiliations);
        Assert.Equal(["Nile", "GERD", "water security"], article.Opening.Keywords["en"]);
        var summary = Assert.Single(article.Abstracts);
        Assert.DoesNotContain(summary.Paragraphs, p => p.StartsWith("Keywords", StringComparison.Ordinal));
        var metadata = ArticleMarkdown.MetadataFrom(article);
        Assert.Equal(string.Empty, metadata.Title["en"]); // "Abstract" names the section, not the article
        Assert.Equal("manuscript", ArticleMarkdown.SlugFor(article, "manuscript.docx"));
    }

    [SkippableFact]
    public void Given_a_docx_without_any_text_When_imported_Then_an_error_says_it_is_empty()
    {
        var diagnostics = new DiagnosticBag();

        var article = DocxReader.Read("blank.docx", PandocDocx(string.Empty), diagnostics);

        Assert.Null(article);
        Assert.Contains(diagnostics.Items, d => d.Code == DiagnosticCodes.EmptySource && d.Message.Contains("no text", StringComparison.Ordinal));
    }

    private static void RequirePandoc()
    {
        if (File.Exists(Pandoc)) return;
        Assert.False(InCi, $"{Pandoc} is missing: apt-get install -y pandoc");
        Skip.If(true, $"{Pandoc} is missing: install it with `apt-get install -y pandoc`");
    }
}

using System.Xml.Linq;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Epub;
using EditionBuilder.Markdown;
using EditionBuilder.Parse;
using EditionBuilder.Tests.Support;
using Markdig;
using Xunit;

namespace EditionBuilder.Tests.Epub;

/// <summary>A chapter as the book's XHTML: whatever Markdig's extensions render (tables, figures) comes out as well-formed XML beside the book's own note markup.</summary>
public class ChapterXhtmlTests
{
    private static readonly XNamespace X = Book.Xhtml;

    [Fact]
    public void Given_a_chapter_with_a_pipe_table_a_figure_and_notes_When_rendered_for_the_book_Then_it_is_well_formed_xml_holding_them_all()
    {
        // The chapter pipeline with Markdig's table and figure extensions added, as a richer import may bring them.
        var pipeline = new MarkdownPipelineBuilder().DisableHtml().UsePipeTables().UseFigures().UseEditionNotes().Build();
        var text = """
            ---
            title: جدول
            lang: ar
            dir: rtl
            order: 1
            slug: 01-jdwl
            ---

            فقرة تحيل[^3] إلى جدول.

            | السنة | العدد |
            |---|--:|
            | 2015 | 12 |
            | 2016 | 15 |

            ^^^
            ![خريطة](media/map.png)
            ^^^ الشكل 1: خريطة

            [^3]: ملاحظة <مع> رموز & علامات
            """;
        var front = FrontMatter.Split(text);
        var chapter = new ParsedChapter(new MarkdownFile("a/ar/01-jdwl.md", text), FrontMatter.Read("a/ar/01-jdwl.md", front.Yaml, new DiagnosticBag())!,
            Markdig.Markdown.Parse(front.Body, pipeline), front.BodyLine);

        var xhtml = new ChapterXhtml(pipeline, SeedSite.Get().Templates.NoteOptions()).Render(chapter, _ => null, n => [$"#fnref-{n}"]);

        var body = XElement.Parse($"<body xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:epub=\"http://www.idpf.org/2007/ops\">{xhtml}</body>");
        Assert.Equal(["السنة", "العدد"], body.Descendants(X + "th").Select(th => th.Value));
        Assert.Equal(4, body.Descendants(X + "td").Count());
        Assert.Equal("media/map.png", (string?)body.Descendants(X + "figure").Single().Descendants(X + "img").Single().Attribute("src"));
        Assert.Equal("الشكل 1: خريطة", body.Descendants(X + "figcaption").Single().Value);
        var note = body.Descendants(X + "aside").Single();
        Assert.Equal("fn-3", (string?)note.Attribute("id"));
        Assert.Contains("ملاحظة <مع> رموز & علامات", note.Value);
        Assert.Equal("#fn-3", (string?)body.Descendants(X + "a").Single(a => (string?)a.Attribute(Book.EpubType) == "noteref").Attribute("href"));
    }
}

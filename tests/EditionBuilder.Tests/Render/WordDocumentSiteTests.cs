using AngleSharp.Html.Parser;
using EditionBuilder.Fuzz;
using EditionBuilder.Tests.Support;
using Xunit;
using static EditionBuilder.Fuzz.DocxFixture;

namespace EditionBuilder.Tests.Render;

/// <summary>A Word document with a table, a figure, footnotes and endnotes, built into a site: what the page shows, and that the site verifies.</summary>
public class WordDocumentSiteTests
{
    private const string Ar = "<w:rtl/>";
    private const string Rtl = "<w:bidi/>";

    internal static byte[] Document()
    {
        static string Cell(string text) => $"<w:tc>{Paragraph(Run(text, Ar), Rtl)}</w:tc>";
        var fixture = new DocxFixture
        {
            Settings = "<w:footnotePr><w:numFmt w:val=\"hindiNumbers\"/></w:footnotePr>",
            Body = Paragraph(Run("المقدمة", Ar), "<w:pStyle w:val=\"Heading1\"/>" + Rtl)
                + Paragraph(Run("نص يحيل إلى حاشية", Ar) + FootnoteReference("1") + Run(" وإلى تعليق ختامي", Ar) + EndnoteReference("1"), Rtl)
                + "<w:tbl><w:tblPr><w:bidiVisual/></w:tblPr>"
                + $"<w:tr><w:trPr><w:tblHeader/></w:trPr>{Cell("الدولة")}{Cell("السنة")}</w:tr><w:tr>{Cell("روسيا")}{Cell("2015")}</w:tr></w:tbl>"
                + Paragraph(Picture("rIdImg1", "خريطة سوريا"), Rtl)
                + Paragraph(Run("الشكل 1: خريطة", Ar), "<w:pStyle w:val=\"Caption\"/>" + Rtl)
                + Paragraph(Run("الخاتمة", Ar), "<w:pStyle w:val=\"Heading1\"/>" + Rtl)
                + Paragraph(Run("إحالة ثانية إلى التعليق نفسه في فصل آخر", Ar), Rtl),
            Footnotes = Note("footnote", "1", Run("حاشية سفلية", Ar)),
            Endnotes = Note("endnote", "1", Run("تعليق ختامي", Ar)),
        };
        fixture.Images["rIdImg1"] = TinyPng;
        return fixture.Build();
    }

    [Fact]
    public void Given_a_docx_in_an_article_source_folder_When_built_Then_the_site_verifies_and_shows_the_table_figure_and_both_note_sequences()
    {
        using var temp = new TempFolder();
        temp.File("content/article/source/article.docx", Document());
        temp.File("content/article/article.yml", "title: { ar: مقال تجريبي }\n");

        var result = FolderBuilds.Run(Path.Combine(temp.Path, "content"), Path.Combine(temp.Path, "site"), Repo.Templates);

        Assert.True(result.Succeeded, result.Said);
        var site = Path.Combine(temp.Path, "site");
        Assert.Equal(TinyPng, File.ReadAllBytes(Path.Combine(site, "article", "media", "image.png")));
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site, "article", "01-almqdma.html")));

        var references = page.QuerySelectorAll("a[role=doc-noteref]");
        Assert.Equal(["fnref-1", "enref-i"], references.Select(r => r.Id));
        Assert.Equal(["١", "i"], references.Select(r => r.TextContent));
        Assert.Equal(2, page.QuerySelectorAll("section[role=doc-endnotes]").Length);
        Assert.NotNull(page.QuerySelector("li#fn-1 a[role=doc-backlink][href='#fnref-1']"));
        Assert.NotNull(page.QuerySelector("li#en-i a[role=doc-backlink][href='#enref-i']"));

        var box = page.QuerySelector(".table-box")!;
        Assert.Equal(["الدولة", "السنة"], box.QuerySelectorAll("thead th").Select(th => th.TextContent));
        Assert.Equal(["روسيا", "2015"], box.QuerySelectorAll("tbody td").Select(td => td.TextContent));

        var figure = page.QuerySelector("figure")!;
        Assert.Equal("media/image.png", figure.QuerySelector("img")!.GetAttribute("src"));
        Assert.Equal("خريطة سوريا", figure.QuerySelector("img")!.GetAttribute("alt"));
        Assert.Equal("الشكل 1: خريطة", figure.QuerySelector("figcaption")!.TextContent);
    }

    [Fact]
    public void Given_a_chapter_whose_image_is_missing_from_media_When_built_Then_the_verifier_reports_the_broken_image()
    {
        using var temp = new TempFolder();
        temp.File("content/article/article.yml", "title: { ar: مقال }\n");
        temp.File("content/article/ar/01-x.md", "---\ntitle: \"أ\"\nlang: ar\ndir: rtl\norder: 1\nslug: 01-x\n---\n\n^^^\n![صورة](media/missing.png)\n^^^\n");

        var result = FolderBuilds.Run(Path.Combine(temp.Path, "content"), Path.Combine(temp.Path, "site"), Repo.Templates);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors("EB0401"), d => (d.Path + d.Message).Contains("media/missing.png", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_media_file_that_is_no_image_When_built_Then_an_error_names_the_file()
    {
        using var temp = new TempFolder();
        temp.File("content/article/article.yml", "title: { ar: مقال }\n");
        temp.File("content/article/ar/01-x.md", "---\ntitle: \"أ\"\nlang: ar\ndir: rtl\norder: 1\nslug: 01-x\n---\n\n^^^\n![صورة](media/x.png)\n^^^\n");
        temp.File("content/article/ar/media/x.png", "<html><script>alert(1)</script></html>");

        var result = FolderBuilds.Run(Path.Combine(temp.Path, "content"), Path.Combine(temp.Path, "site"), Repo.Templates);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors("EB0515"), d => d.Path == Path.Combine(temp.Path, "content", "article", "ar", "media", "x.png"));
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "site")));
    }
}

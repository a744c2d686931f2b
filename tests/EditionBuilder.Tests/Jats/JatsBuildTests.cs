using AngleSharp.Html.Parser;
using EditionBuilder.Fuzz;
using EditionBuilder.Pipeline;
using EditionBuilder.Tests.Support;
using Xunit;
using static EditionBuilder.Fuzz.DocxFixture;

namespace EditionBuilder.Tests.Jats;

/// <summary>The JATS file in the built site: beside the article's pages, linked from its landing page, packaged in the bag, and left out with --no-jats.</summary>
public class JatsBuildTests
{
    private const string Slug = "russian-iranian-partnership";

    [Fact]
    public void Given_the_seed_When_built_Then_the_site_holds_the_article_XML_as_the_writer_made_it()
    {
        var file = SeedSite.Get().File($"{Slug}/{Slug}.xml");

        Assert.Equal(JatsArticles.Seed, file.AsText());
    }

    [Fact]
    public void Given_the_seed_When_built_Then_the_landing_pages_link_the_XML_visibly_with_its_size_and_as_an_alternate_in_the_head()
    {
        var size = (SeedSite.Get().File($"{Slug}/{Slug}.xml").Bytes.Length + 1023) / 1024;
        foreach (var (path, href) in new[] { ($"{Slug}/index.html", $"../{Slug}/{Slug}.xml"), ("index.html", $"{Slug}/{Slug}.xml") })
        {
            var page = new HtmlParser().ParseDocument(SeedSite.Get().File(path).AsText());

            var alternate = page.QuerySelector("head link[rel=alternate][type='application/xml']");
            Assert.NotNull(alternate);
            Assert.Equal(href, alternate!.GetAttribute("href"));
            var link = page.QuerySelector($"main a[href='{href}']");
            Assert.NotNull(link);
            Assert.Equal("application/xml", link!.GetAttribute("type"));
            Assert.Equal(SeedSite.Get().Templates.Strings.Get("ar", "jats_download"), link.TextContent);
            Assert.Contains($"{size} {SeedSite.Get().Templates.Strings.Get("ar", "kilobytes")}", link.ParentElement!.TextContent, StringComparison.Ordinal);
        }

        // Chapter pages and abstracts are not the article as a whole: no XML alternate there.
        Assert.DoesNotContain("application/xml", SeedSite.Get().File($"{Slug}/en/index.html").AsText(), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_content_folder_When_built_and_packaged_Then_the_bag_holds_the_XML_and_with_no_jats_neither_the_site_nor_its_pages_have_it()
    {
        using var temp = new TempFolder();
        SmallEdition.WriteTo(Path.Combine(temp.Path, "content"));

        var built = FolderBuilds.Run(Path.Combine(temp.Path, "content"), Path.Combine(temp.Path, "site"), Repo.Templates, options: BuildOptions.Uncompressed);
        Assert.True(built.Succeeded, built.Said);
        Assert.True(File.Exists(Path.Combine(temp.Path, "site", "small", "small.xml")));
        Assert.Equal(1, built.Build.WrittenBy("jats"));
        Assert.Contains(built.Build.Stages, s => s.Stage == "jats");
        var packaged = Packages.Run(Path.Combine(temp.Path, "site"), Path.Combine(temp.Path, "package"), Path.Combine(temp.Path, "content"));
        var manifest = Path.Combine(packaged.BagFolder, "manifest-sha256.txt");
        Assert.Contains(File.ReadAllLines(manifest), l => l.EndsWith(" data/small/small.xml", StringComparison.Ordinal));

        var without = FolderBuilds.Run(Path.Combine(temp.Path, "content"), Path.Combine(temp.Path, "site-without"), Repo.Templates, options: BuildOptions.Uncompressed.Without("jats"));
        Assert.True(without.Succeeded, without.Said);
        Assert.DoesNotContain(without.Build.Stages, s => s.Stage == "jats");
        var site = Path.Combine(temp.Path, "site-without");
        Assert.DoesNotContain(Directory.EnumerateFiles(site, "*.xml", SearchOption.AllDirectories), f => !f.EndsWith("sitemap.xml", StringComparison.Ordinal));
        Assert.DoesNotContain(".xml", File.ReadAllText(Path.Combine(site, "small", "index.html")), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Given_a_Word_document_with_a_table_a_figure_footnotes_and_endnotes_When_built_Then_its_JATS_file_holds_them_and_the_figure_points_at_the_sites_image()
    {
        const string ar = "<w:rtl/>";
        const string rtl = "<w:bidi/>";
        static string Cell(string text) => $"<w:tc>{Paragraph(Run(text, ar), rtl)}</w:tc>";
        var fixture = new DocxFixture
        {
            Settings = "<w:footnotePr><w:numFmt w:val=\"hindiNumbers\"/></w:footnotePr>",
            Body = Paragraph(Run("المقدمة", ar), "<w:pStyle w:val=\"Heading1\"/>" + rtl)
                + Paragraph(Run("نص يحيل إلى حاشية", ar) + FootnoteReference("1") + Run(" وإلى تعليق ختامي", ar) + EndnoteReference("1"), rtl)
                + "<w:tbl><w:tblPr><w:bidiVisual/></w:tblPr>"
                + $"<w:tr><w:trPr><w:tblHeader/></w:trPr>{Cell("الدولة")}{Cell("السنة")}</w:tr><w:tr>{Cell("روسيا")}{Cell("2015")}</w:tr></w:tbl>"
                + Paragraph(Picture("rIdImg1", "خريطة سوريا"), rtl)
                + Paragraph(Run("الشكل 1: خريطة", ar), "<w:pStyle w:val=\"Caption\"/>" + rtl),
            Footnotes = Note("footnote", "1", Run("حاشية سفلية", ar)),
            Endnotes = Note("endnote", "1", Run("تعليق ختامي", ar)),
        };
        fixture.Images["rIdImg1"] = TinyPng;
        using var temp = new TempFolder();
        temp.File("content/article/source/article.docx", fixture.Build());
        temp.File("content/article/article.yml", "title: { ar: مقال تجريبي }\n");

        var result = Support.Cli.Run(temp.Path, "build", "content", "-o", "site", "--theme", Repo.Templates, "--no-cache", "--precompress", "none", "--no-epub");

        Assert.True(result.ExitCode == 0, result.Errors);
        var path = Path.Combine(temp.Path, "site", "article", "article.xml");
        var xml = File.ReadAllText(path);
        var document = JatsArticles.Parse(xml);
        Assert.Equal([("fn-1", "١"), ("en-i", "i")], document.Descendants("xref").Select(x => ((string)x.Attribute("rid")!, x.Value)));
        Assert.Equal(["fn-1", "en-i"], document.Descendants("fn").Select(f => (string)f.Attribute("id")!));
        Assert.Equal("endnotes", (string?)document.Descendants("fn-group").Last().Attribute("content-type"));
        Assert.Equal(["الدولة", "السنة"], document.Descendants("th").Select(c => c.Value));
        Assert.Equal(["روسيا", "2015"], document.Descendants("td").Select(c => c.Value));
        var graphic = document.Descendants("fig").Single().Element("graphic")!;
        var href = (string)graphic.Attribute(JatsArticles.XLink + "href")!;
        Assert.Equal(TinyPng, File.ReadAllBytes(Path.Combine(Path.GetDirectoryName(path)!, href)));
        Assert.Equal("الشكل 1: خريطة", document.Descendants("fig").Single().Element("caption")!.Value);
        JatsDtdTests.AssertValid(xml);
    }
}

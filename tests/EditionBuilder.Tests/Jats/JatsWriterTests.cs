using System.Xml.Linq;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using Xunit;

namespace EditionBuilder.Tests.Jats;

/// <summary>What the writer makes of each kind of block and inline a chapter may hold, and of characters: kept as they are, escaped only where XML requires.</summary>
public class JatsWriterTests
{
    private const string Rich = """
        ---
        title: المقدمة
        lang: ar
        dir: rtl
        order: 1
        slug: 01-almqdma
        ---

        نص *مائل* و**عريض** وx^2^ وH~2~O و`code` و++مسطر++ و%%Small Caps%% ورابط [موقع](https://example.org/a?x=1&y=2) وحاشية[^1] وتعليق ختامي[^en:i] ونجمة[^mark1] وحاشية مرة ثانية[^1].

        ## عنوان فرعي

        > اقتباس طويل

        3. ثالث
        4. رابع

        - بند

        | الدولة | السنة |
        | --- | --- |
        | روسيا | 2015 |

        ^^^
        ![خريطة سوريا](media/map.png)
        ^^^ الشكل 1: *خريطة*

        {dir=ltr} A left-to-right paragraph.

        [^1]{١}: حاشية سفلية
        [^mark1]{*}: حاشية بنجمة
        [^en:i]: تعليق ختامي
        """;

    /// <summary>The JATS file of an article whose one chapter has every kind of block and inline.</summary>
    public static string RichXml() => JatsArticles.Write(Edition(Rich));

    private static XDocument RichDocument => JatsArticles.Parse(RichXml());

    public static EditionContent Edition(string chapter, string title = "مقال")
    {
        var metadata = new ArticleMetadata();
        metadata.Title["ar"] = title;
        return new EditionContent(new EditionMetadata(),
            [new ArticleContent("article", "article/article.yml", metadata, [new MarkdownFile("article/ar/01-almqdma.md", chapter)], [])]);
    }

    [Fact]
    public void Given_footnotes_endnotes_and_marks_When_written_Then_each_reference_shows_its_mark_and_endnotes_have_their_own_fn_group()
    {
        var document = RichDocument;
        var groups = document.Root!.Element("back")!.Elements("fn-group").ToList();

        Assert.Equal([("fn-1", "١"), ("en-i", "i"), ("fn-mark1", "*"), ("fn-1", "١")], document.Descendants("xref").Select(x => ((string)x.Attribute("rid")!, x.Value)));
        Assert.Equal(2, groups.Count);
        Assert.Null(groups[0].Attribute("content-type"));
        Assert.Equal([("fn-1", "١"), ("fn-mark1", "*")], groups[0].Elements("fn").Select(f => ((string)f.Attribute("id")!, f.Element("label")!.Value)));
        Assert.Equal("endnotes", (string?)groups[1].Attribute("content-type"));
        Assert.Equal([("en-i", "i")], groups[1].Elements("fn").Select(f => ((string)f.Attribute("id")!, f.Element("label")!.Value)));
        Assert.Equal("تعليق ختامي", groups[1].Element("fn")!.Element("p")!.Value);
    }

    [Fact]
    public void Given_formatting_and_a_link_When_written_Then_they_are_italic_bold_sup_sub_monospace_underline_sc_and_ext_link()
    {
        var paragraph = RichDocument.Root!.Element("body")!.Element("sec")!.Element("p")!;

        Assert.Equal("p-1-1", (string?)paragraph.Attribute("id"));
        Assert.Equal(["مائل", "عريض", "2", "2", "code", "مسطر", "Small Caps"], new[] { "italic", "bold", "sup", "sub", "monospace", "underline", "sc" }.Select(n => paragraph.Element(n)!.Value));
        var link = paragraph.Element("ext-link")!;
        Assert.Equal(("https://example.org/a?x=1&y=2", "uri", "موقع"), ((string)link.Attribute(JatsArticles.XLink + "href")!, (string)link.Attribute("ext-link-type")!, link.Value));
        Assert.Contains("&amp;y=2", RichXml(), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_heading_quote_lists_table_and_figure_When_written_Then_they_are_a_nested_sec_disp_quote_lists_an_XHTML_table_and_a_fig()
    {
        var chapter = RichDocument.Root!.Element("body")!.Element("sec")!;
        var sub = chapter.Element("sec")!;

        Assert.Equal("عنوان فرعي", sub.Element("title")!.Value);
        Assert.Equal("sec-1-1", (string?)sub.Attribute("id"));
        Assert.Equal("اقتباس طويل", sub.Element("disp-quote")!.Element("p")!.Value);
        var lists = sub.Elements("list").ToList();
        Assert.Equal(["order", "bullet"], lists.Select(l => (string)l.Attribute("list-type")!));
        Assert.Equal(["3.", "4."], lists[0].Elements("list-item").Select(i => i.Element("label")!.Value));
        Assert.Equal(["ثالث", "رابع"], lists[0].Elements("list-item").Select(i => i.Element("p")!.Value));

        var table = sub.Element("table-wrap")!.Element("table")!;
        Assert.Equal(["الدولة", "السنة"], table.Element("thead")!.Descendants("th").Select(c => c.Value));
        Assert.Equal(["روسيا", "2015"], table.Element("tbody")!.Descendants("td").Select(c => c.Value));

        var figure = sub.Element("fig")!;
        Assert.Equal(["caption", "graphic"], figure.Elements().Select(e => e.Name.LocalName));
        Assert.Equal("الشكل 1: خريطة", figure.Element("caption")!.Value);
        Assert.Equal("خريطة", figure.Element("caption")!.Descendants("italic").Single().Value);
        Assert.Equal("media/map.png", (string?)figure.Element("graphic")!.Attribute(JatsArticles.XLink + "href"));
        Assert.Equal("خريطة سوريا", figure.Element("graphic")!.Element("alt-text")!.Value);
        Assert.Equal("A left-to-right paragraph.", sub.Elements("p").Last().Value);
    }

    [Fact]
    public void Given_bidi_controls_and_markup_characters_When_written_Then_they_are_the_characters_themselves_escaped_only_as_XML_requires()
    {
        var xml = JatsArticles.Write(Edition("---\ntitle: \"عنوان \u202Bمضمن\u202C\"\nlang: ar\ndir: rtl\norder: 1\nslug: 01-a\n---\n\nنص \u202Eمعكوس\u202C و\u2067معزول\u2069 \\< \\& \\> ]]\\> \"quoted\" 'single' \u00A0\u200F.\n"));
        var paragraph = JatsArticles.Parse(xml).Root!.Element("body")!.Element("sec")!.Element("p")!;

        Assert.Equal("نص \u202Eمعكوس\u202C و\u2067معزول\u2069 < & > ]]> \"quoted\" 'single' \u00A0\u200F.", paragraph.Value);
        Assert.Contains("نص \u202Eمعكوس\u202C و\u2067معزول\u2069 &lt; &amp; > ]]&gt; \"quoted\" 'single' \u00A0\u200F.</p>", xml, StringComparison.Ordinal);
        Assert.Contains("<title>عنوان \u202Bمضمن\u202C</title>", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("U+202E", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_character_XML_cannot_hold_When_written_Then_the_file_has_U_FFFD_there_and_a_warning_says_where()
    {
        var diagnostics = new DiagnosticBag();
        var xml = JatsArticles.WriteWith(Edition("---\ntitle: \"عنوان\"\nlang: ar\ndir: rtl\norder: 1\nslug: 01-a\n---\n\nجرس\u0007 هنا\n"), diagnostics)!;

        Assert.Contains("<p id=\"p-1-1\">جرس\uFFFD هنا</p>", xml, StringComparison.Ordinal);
        var warning = Assert.Single(diagnostics.Items, d => d.Code == "EB0800");
        Assert.Equal(("article/ar/01-almqdma.md", 9, 4), (warning.Path, warning.Line, warning.Column));
        Assert.Contains("U+0007", warning.Message, StringComparison.Ordinal);
        Assert.False(diagnostics.HasErrors);
        JatsArticles.Parse(xml);
    }

    [Fact]
    public void Given_the_same_article_When_written_twice_Then_the_bytes_are_the_same()
    {
        Assert.Equal(RichXml(), RichXml());
        Assert.Equal(JatsArticles.Journal(), JatsArticles.Journal());
    }

    [Fact]
    public void Given_a_character_XML_cannot_hold_in_article_yml_When_written_Then_the_warning_names_article_yml()
    {
        var edition = Edition("---\ntitle: \"عنوان\"\nlang: ar\ndir: rtl\norder: 1\nslug: 01-a\n---\n\nنص\n", title: "عنوان\u0001");
        var diagnostics = new DiagnosticBag();

        var xml = JatsArticles.WriteWith(edition, diagnostics)!;

        Assert.Contains("<article-title>عنوان\uFFFD</article-title>", xml, StringComparison.Ordinal);
        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal(("EB0800", "article/article.yml"), (warning.Code, warning.Path));
        Assert.StartsWith("1 character(s) of the metadata", warning.Message, StringComparison.Ordinal);
    }
}

using System.IO.Compression;
using System.Text;
using EditionBuilder.Diagnostics;
using EditionBuilder.Fuzz;
using EditionBuilder.Import.Docx;
using EditionBuilder.Markdown;
using EditionBuilder.Model;
using Xunit;
using static EditionBuilder.Fuzz.DocxFixture;

namespace EditionBuilder.Tests.Import.Docx;

/// <summary>Word as people write it (issue 28): Strict Open XML, text boxes, the zip and part messages; documents made here, as raw XML in a zip.</summary>
public class WordAsWrittenTests
{
    private static (Article? Article, List<Diagnostic> Diagnostics) Read(byte[] docx)
    {
        var diagnostics = new DiagnosticBag();
        var article = DocxReader.Read("in.docx", docx, diagnostics);
        return (article, diagnostics.Items.ToList());
    }

    private static string AllText(Article article) =>
        string.Join("\n", article.Chapters.Select(ChapterWriter.Write)) + "\n" + string.Join("\n", article.Notes.SelectMany(n => n.Lines));

    // The Transitional names and the Strict ones (ISO/IEC 29500-1 Strict), for the parts and their relationships.
    private static readonly (string Transitional, string Strict)[] StrictNames =
    [
        ("http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"),
        ("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"),
        ("http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing", "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing"),
        ("http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main"),
        ("http://schemas.openxmlformats.org/drawingml/2006/picture", "http://purl.oclc.org/ooxml/drawingml/picture"),
        ("http://schemas.openxmlformats.org/officeDocument/2006/math", "http://purl.oclc.org/ooxml/officeDocument/math"),
    ];

    /// <summary>The same document in Strict Open XML: every part's namespaces and every relationship type in the purl.oclc.org names.</summary>
    private static byte[] ToStrict(byte[] docx)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var content = new MemoryStream();
                using (var input = entry.Open()) input.CopyTo(content);
                var bytes = content.ToArray();
                if (entry.FullName.EndsWith(".xml", StringComparison.Ordinal) || entry.FullName.EndsWith(".rels", StringComparison.Ordinal))
                {
                    var text = Encoding.UTF8.GetString(bytes);
                    foreach (var (transitional, strict) in StrictNames) text = text.Replace(transitional, strict, StringComparison.Ordinal);
                    bytes = Encoding.UTF8.GetBytes(text);
                }

                using var writer = target.CreateEntry(entry.FullName).Open();
                writer.Write(bytes);
            }
        }

        return output.ToArray();
    }

    [Fact]
    public void Given_a_strict_open_xml_document_When_read_Then_it_reads_as_the_transitional_one()
    {
        var fixture = new DocxFixture
        {
            Body = Paragraph(Run("Introduction"), "<w:pStyle w:val=\"Heading1\"/>")
                + Paragraph(Run("Strict text with ") + Run("bold", "<w:b w:val=\"true\"/>") + Run(" and a note") + FootnoteReference("1"))
                + Paragraph(Picture("rIdImg1", "a picture"))
                + Paragraph("<w:hyperlink r:id=\"rIdLink\">" + Run("a link") + "</w:hyperlink>"),
            Footnotes = Note("footnote", "1", Run("The note in Strict."), string.Empty),
        };
        fixture.Images["rIdImg1"] = TinyPng;
        fixture.Hyperlinks["rIdLink"] = "https://example.org/";
        var transitional = Read(fixture.Build());
        var strict = ToStrict(fixture.Build());
        using (var zip = new ZipArchive(new MemoryStream(strict), ZipArchiveMode.Read))
        {
            using var rels = new StreamReader(zip.GetEntry("_rels/.rels")!.Open());
            Assert.Contains("http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument", rels.ReadToEnd()); // really Strict
        }

        var (article, diagnostics) = Read(strict);

        Assert.True(article is not null, string.Join('\n', diagnostics));
        Assert.Equal(AllText(transitional.Article!), AllText(article));
        Assert.Contains("**bold**", AllText(article));
        Assert.Contains("[a link](https://example.org/)", AllText(article));
        Assert.Equal(["The note in Strict."], article.Notes.Single().Lines);
        Assert.Single(article.Media);
    }

    [Fact]
    public void Given_a_text_box_in_alternate_content_When_read_Then_its_paragraphs_are_kept_once_where_it_stands()
    {
        // As Word and LibreOffice write a text box: a DrawingML shape (the Choice) and the same box in VML (the Fallback).
        const string box = "<w:txbxContent><w:p><w:r><w:t>Datum plane</w:t></w:r></w:p></w:txbxContent>";
        var run = "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor><wp:docPr id=\"1\" name=\"Text Box 1\"/><a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">"
            + "<wps:wsp xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\"><wps:txbx>" + box + "</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
            + "<mc:Fallback><w:pict><v:shape><v:textbox>" + box + "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>";
        var fixture = new DocxFixture { Body = Paragraph(Run("Before the box.")) + Paragraph(Run("Anchor ") + run + Run("text.")) + Paragraph(Run("After the box.")) };

        var (article, diagnostics) = Read(fixture.Build());

        Assert.True(article is not null, string.Join('\n', diagnostics));
        var paragraphs = article.Chapters.SelectMany(c => c.Blocks).OfType<Paragraph>().Select(p => InlineText.Plain(p.Inlines)).ToList();
        Assert.Equal(["Before the box.", "Anchor text.", "Datum plane", "After the box."], paragraphs);
    }

    [Fact]
    public void Given_a_vml_text_box_alone_and_a_group_of_two_boxes_When_read_Then_every_box_is_kept()
    {
        var vml = "<w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>VML box</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>";
        var group = "<w:r><w:pict><v:group><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>first of the group</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape>"
            + "<v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>second of the group</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></v:group></w:pict></w:r>";
        var fixture = new DocxFixture { Body = Paragraph(vml) + Paragraph(group) };

        var (article, diagnostics) = Read(fixture.Build());

        Assert.True(article is not null, string.Join('\n', diagnostics));
        var text = article.Chapters.SelectMany(c => c.Blocks).OfType<Paragraph>().Select(p => InlineText.Plain(p.Inlines)).Where(t => t.Length > 0).ToList();
        Assert.Equal(["VML box", "first of the group", "second of the group"], text);
    }

    [Fact]
    public void Given_struck_underlined_and_small_capital_runs_When_imported_Then_each_is_kept_in_the_model_the_Markdown_and_the_html()
    {
        var fixture = new DocxFixture
        {
            Body = Paragraph(Run("Kept ") + Run("struck", "<w:strike/>") + Run(" and ") + Run("double", "<w:dstrike/>") + Run(" and ") + Run("not struck", "<w:strike w:val=\"0\"/>"))
                + Paragraph(Run("An ") + Run("underlined", "<w:u w:val=\"single\"/>") + Run(" word in ") + Run("Small Caps", "<w:smallCaps/>") + Run(", ") + Run("no line", "<w:u w:val=\"none\"/>")
                    + Run(", ") + Run("marked", "<w:highlight w:val=\"yellow\"/>")),
        };

        var (article, diagnostics) = Read(fixture.Build());

        Assert.True(article is not null, string.Join('\n', diagnostics));
        var second = article.Chapters.Single().Blocks.OfType<Paragraph>().ElementAt(1);
        Assert.Contains(new Styled(TextStyle.Underline, [new TextRun("underlined")]), second.Inlines);
        Assert.Contains(new Styled(TextStyle.SmallCaps, [new TextRun("Small Caps")]), second.Inlines);
        Assert.DoesNotContain(second.Inlines, i => i is Styled { Children: [TextRun { Text: "no line" }] });
        var markdown = ChapterWriter.Write(article.Chapters.Single());
        Assert.Contains("Kept ~~struck~~ and ~~double~~ and not struck", markdown);
        Assert.Contains("An ++underlined++ word in %%Small Caps%%, no line, marked", markdown);
        // Only highlighting is still not shown, and said once.
        var said = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.DocxFormattingLeftOut);
        Assert.StartsWith("highlighting", said.Message, StringComparison.Ordinal);

        // Read back, every style is the model's again; on the site it is <s>, <u> and a small-caps span.
        var back = ChapterReader.Read("01.md", markdown, new DiagnosticBag())!;
        Assert.Equal(2, back.Chapter.Blocks.OfType<Paragraph>().First().Inlines.OfType<Styled>().Count(s => s.Style == TextStyle.Strikethrough));
        Assert.Equal(second.Inlines, back.Chapter.Blocks.OfType<Paragraph>().ElementAt(1).Inlines);
        var html = Markdig.Markdown.ToHtml("Kept ~~struck~~, ++underlined++ and %%Small Caps%%", EditionMarkdown.CreatePipeline());
        Assert.Contains("<s>struck</s>", html);
        Assert.Contains("<u>underlined</u>", html);
        Assert.Contains("<span class=\"smallcaps\">Small Caps</span>", html);
    }

    [Fact]
    public void Given_text_with_plus_and_percent_signs_When_written_and_read_back_Then_they_stay_text_not_underline_or_small_caps()
    {
        var chapter = new Chapter(1, "t", "01-t", [new Paragraph([new TextRun("C++ and ++x++, 50%% or %%y%% + 1")])], []);

        var markdown = ChapterWriter.Write(chapter);
        var back = ChapterReader.Read("01.md", markdown, new DiagnosticBag())!;

        Assert.Equal(chapter.Blocks, back.Chapter.Blocks);
        var html = Markdig.Markdown.ToHtml(markdown, EditionMarkdown.CreatePipeline());
        Assert.DoesNotContain("<u>", html);
        Assert.DoesNotContain("smallcaps", html);
    }

    [Fact]
    public void Given_an_underlined_hyperlink_When_imported_Then_no_warning_since_the_link_shows_it()
    {
        var fixture = new DocxFixture { Body = Paragraph("<w:hyperlink r:id=\"rIdLink\">" + Run("a link", "<w:u w:val=\"single\"/>") + "</w:hyperlink>") };
        fixture.Hyperlinks["rIdLink"] = "https://example.org/";

        var (article, diagnostics) = Read(fixture.Build());

        Assert.NotNull(article);
        Assert.DoesNotContain(diagnostics, d => d.Code == DiagnosticCodes.DocxFormattingLeftOut);
    }

    [Fact]
    public void Given_smart_tags_custom_xml_content_controls_and_a_link_to_a_bookmark_When_imported_Then_their_text_is_kept_unwrapped()
    {
        var fixture = new DocxFixture
        {
            Body = Paragraph(Run("In ") + "<w:smartTag w:uri=\"urn:schemas-microsoft-com:office:smarttags\" w:element=\"place\">" + Run("Amman") + "</w:smartTag>"
                    + Run(", ") + "<w:customXml w:element=\"date\">" + Run("in 1921") + "</w:customXml>"
                    + Run(", ") + "<w:sdt><w:sdtPr><w:alias w:val=\"who\"/></w:sdtPr><w:sdtContent>" + Run("the founders") + "</w:sdtContent></w:sdt>"
                    + Run(" (see ") + "<w:hyperlink w:anchor=\"_Ref1\">" + Run("section 2") + "</w:hyperlink>" + Run(")."))
                + "<w:customXml w:element=\"section\"><w:sdt><w:sdtContent>" + Paragraph("<w:bookmarkStart w:id=\"1\" w:name=\"_Ref1\"/>" + Run("A block inside custom XML and a content control.") + "<w:bookmarkEnd w:id=\"1\"/>") + "</w:sdtContent></w:sdt></w:customXml>",
        };

        var (article, diagnostics) = Read(fixture.Build());

        Assert.True(article is not null, string.Join('\n', diagnostics));
        var text = article.Chapters.SelectMany(c => c.Blocks).OfType<Paragraph>().Select(p => InlineText.Plain(p.Inlines)).ToList();
        Assert.Equal(["In Amman, in 1921, the founders (see section 2).", "A block inside custom XML and a content control."], text);
    }

    [Fact]
    public void Given_a_nested_list_before_the_first_heading_When_imported_Then_it_stays_in_the_body_as_a_list_not_authors()
    {
        var fixture = new DocxFixture
        {
            Numbering = """
                <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>
                <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
                """,
            Body = Paragraph(Run("أول عنصر"), "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>")
                + Paragraph(Run("عنصر متداخل"), "<w:numPr><w:ilvl w:val=\"1\"/><w:numId w:val=\"1\"/></w:numPr>")
                + Paragraph(Run("ثاني عنصر"), "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>")
                + Paragraph(Run("المقدمة"), "<w:pStyle w:val=\"Heading1\"/>")
                + Paragraph(Run("نص المقدمة.")),
        };

        var (article, diagnostics) = Read(fixture.Build());

        Assert.True(article is not null, string.Join('\n', diagnostics));
        Assert.Empty(article.FrontMatter.Authors);
        var list = Assert.IsType<ItemList>(article.Chapters[0].Blocks[0]);
        Assert.Equal(2, list.Items.Count);
        var nested = Assert.IsType<ItemList>(list.Items[0].Blocks[1]);
        Assert.Equal("عنصر متداخل", InlineText.Plain(((Paragraph)nested.Items.Single().Blocks.Single()).Inlines));
        Assert.Equal("المقدمة", article.Chapters[1].Title);
    }

    private static List<string> Quoted(Article article) =>
        article.Chapters.SelectMany(c => c.Blocks).OfType<Quote>().SelectMany(q => q.Blocks).OfType<Paragraph>().Select(p => InlineText.Plain(p.Inlines)).ToList();

    [Fact]
    public void Given_quote_and_intense_quote_styles_and_a_paragraph_indented_from_the_start_When_imported_Then_each_is_a_block_quote()
    {
        var fixture = new DocxFixture
        {
            Styles = DefaultStyles + "<w:style w:type=\"paragraph\" w:styleId=\"IntenseQuote\"><w:name w:val=\"Intense Quote\"/><w:basedOn w:val=\"Normal\"/></w:style>",
            Body = Paragraph(Run("The body of the text, written at the margin as most of it is."))
                + Paragraph(Run("Quoted in the Quote style."), "<w:pStyle w:val=\"Quote\"/>")
                + Paragraph(Run("The body goes on at the margin, long enough to be most of the text."))
                + Paragraph(Run("Quoted in the Intense Quote style."), "<w:pStyle w:val=\"IntenseQuote\"/>")
                + Paragraph(Run("The body again, at the margin, with more words than the quotes have."))
                + Paragraph(Run("Indented from the start only."), "<w:ind w:left=\"1134\"/>")
                + Paragraph(Run("A reference with a hanging indent."), "<w:ind w:left=\"1134\" w:hanging=\"1134\"/>")
                + Paragraph(Run("A first line indented, as body text often is."), "<w:ind w:firstLine=\"720\"/>"),
        };

        var (article, diagnostics) = Read(fixture.Build());

        Assert.True(article is not null, string.Join('\n', diagnostics));
        Assert.Equal(["Quoted in the Quote style.", "Quoted in the Intense Quote style.", "Indented from the start only."], Quoted(article));
    }

    [Fact]
    public void Given_a_body_indented_throughout_When_imported_Then_no_paragraph_of_it_is_a_quote_but_one_indented_further_is()
    {
        const string indent = "<w:ind w:left=\"720\"/>";
        var fixture = new DocxFixture
        {
            Body = Paragraph(Run("The whole body is indented by half an inch, as some templates set it."), indent)
                + Paragraph(Run("And so is this paragraph, and the one after it, at the same place."), indent)
                + Paragraph(Run("This one stands a centimetre further in."), "<w:ind w:left=\"1300\"/>")
                + Paragraph(Run("Back at the body's own indentation, with the rest of the text."), indent),
        };

        var (article, diagnostics) = Read(fixture.Build());

        Assert.True(article is not null, string.Join('\n', diagnostics));
        Assert.Equal(["This one stands a centimetre further in."], Quoted(article));
    }

    [Fact]
    public void Given_an_image_whose_relationship_is_missing_When_read_Then_its_own_warning_not_the_charts()
    {
        var fixture = new DocxFixture { Body = Paragraph(Run("Text.")) + Paragraph(Picture("rIdNowhere", "a lost picture")) };

        var (article, diagnostics) = Read(fixture.Build());

        Assert.NotNull(article);
        var warning = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.DocxImageMissing);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal("in.docx:word/document.xml:paragraph 2", warning.Path);
        Assert.Contains("rIdNowhere", warning.Message);
        Assert.DoesNotContain(diagnostics, d => d.Code == DiagnosticCodes.DocxObjectLeftOut);
    }
}

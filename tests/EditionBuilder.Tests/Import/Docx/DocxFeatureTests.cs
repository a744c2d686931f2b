using System.Text;
using EditionBuilder.Diagnostics;
using EditionBuilder.Fuzz;
using EditionBuilder.Import.Docx;
using EditionBuilder.Markdown;
using EditionBuilder.Model;
using EditionBuilder.Tests.Support;
using Xunit;
using static EditionBuilder.Fuzz.DocxFixture;

namespace EditionBuilder.Tests.Import.Docx;

/// <summary>Each feature of a Word document, in a .docx the test makes: what the import keeps (golden Markdown in Golden/docx/) and what it says.</summary>
public class DocxFeatureTests
{
    private const string Rtl = "<w:bidi/>";
    private const string Ar = "<w:rtl/>";

    private static (Article? Article, List<Diagnostic> Diagnostics) Import(DocxFixture fixture)
    {
        var diagnostics = new DiagnosticBag();
        var article = DocxReader.Read("in.docx", fixture.Build(), diagnostics);
        return (article, diagnostics.Items.ToList());
    }

    /// <summary>The article folder as `edition import` writes it, with the diagnostics first: one text to compare with a golden file.</summary>
    private static string Written(Article article, IEnumerable<Diagnostic> diagnostics)
    {
        var builder = new StringBuilder();
        foreach (var d in diagnostics) builder.Append("<!-- ").Append(d).Append(" -->\n");
        foreach (var (path, text) in ArticleMarkdown.Write(article, ArticleMarkdown.MetadataFrom(article)).Skip(1)) builder.Append($"<!-- file: {path} -->\n{text}");
        foreach (var (path, bytes) in ArticleMarkdown.Media(article)) builder.Append($"<!-- file: {path} ({bytes.Length} bytes) -->\n");
        return builder.ToString();
    }

    private static Article Golden(string name, DocxFixture fixture)
    {
        var (article, diagnostics) = Import(fixture);
        Assert.True(article is not null, string.Join('\n', diagnostics));
        Support.Golden.Matches($"docx/{name}.md", Written(article, diagnostics));
        return article;
    }

    private static string Chapter(string title, string paragraphs) =>
        Paragraph(Run(title, Ar), "<w:pStyle w:val=\"Heading1\"/>" + Rtl) + paragraphs;

    [Fact]
    public void Given_footnotes_starting_at_7_When_imported_Then_they_show_7_8_9()
    {
        var fixture = new DocxFixture
        {
            Settings = "<w:footnotePr><w:numStart w:val=\"7\"/></w:footnotePr>",
            Body = Chapter("المقدمة", Paragraph(Run("أول", Ar) + FootnoteReference("1") + Run(" ثانٍ", Ar) + FootnoteReference("2") + Run(" ثالث", Ar) + FootnoteReference("3"), Rtl)),
            Footnotes = Note("footnote", "1", Run("سابعة", Ar)) + Note("footnote", "2", Run("ثامنة", Ar)) + Note("footnote", "3", Run("تاسعة", Ar)),
        };

        var article = Golden("001-footnotes-start-at-7", fixture);

        Assert.Equal(["7", "8", "9"], article.Notes.Select(n => n.Mark));
        Assert.Equal(["7", "8", "9"], article.Notes.Select(n => n.Id));
    }

    [Fact]
    public void Given_footnotes_in_hindi_numbers_When_imported_Then_they_show_١_٢_with_ascii_ids()
    {
        var fixture = new DocxFixture
        {
            Settings = "<w:footnotePr><w:numFmt w:val=\"hindiNumbers\"/></w:footnotePr>",
            Body = Chapter("المقدمة", Paragraph(Run("أول", Ar) + FootnoteReference("1") + Run(" ثانٍ", Ar) + FootnoteReference("2"), Rtl)),
            Footnotes = Note("footnote", "1", Run("أولى", Ar)) + Note("footnote", "2", Run("ثانية", Ar)),
        };

        var article = Golden("002-hindi-numbers", fixture);

        Assert.Equal(["١", "٢"], article.Notes.Select(n => n.Mark));
        Assert.Equal(["1", "2"], article.Notes.Select(n => n.Id));
    }

    [Fact]
    public void Given_footnotes_and_endnotes_When_imported_Then_both_are_kept_as_two_sequences()
    {
        var fixture = new DocxFixture
        {
            Settings = "<w:endnotePr><w:numFmt w:val=\"decimal\"/></w:endnotePr>",
            Body = Chapter("المقدمة", Paragraph(Run("حاشية", Ar) + FootnoteReference("1") + Run(" وتعليق ختامي", Ar) + EndnoteReference("1"), Rtl)),
            Footnotes = Note("footnote", "1", Run("حاشية سفلية", Ar)),
            Endnotes = Note("endnote", "1", Run("تعليق في آخر الوثيقة", Ar)),
        };

        var article = Golden("003-footnotes-and-endnotes", fixture);

        Assert.Equal([new NoteKey(NoteKind.Footnote, "1"), new NoteKey(NoteKind.Endnote, "1")], article.Notes.Select(n => n.Key));
        Assert.Equal(["حاشية سفلية", "تعليق في آخر الوثيقة"], article.Notes.Select(n => n.Lines.Single()));
    }

    [Fact]
    public void Given_endnotes_in_words_default_format_When_imported_Then_they_show_roman_numbers_i_ii()
    {
        var fixture = new DocxFixture
        {
            Body = Chapter("المقدمة", Paragraph(Run("أ", Ar) + EndnoteReference("1") + Run(" ب", Ar) + EndnoteReference("2"), Rtl)),
            Endnotes = Note("endnote", "1", Run("أولى", Ar)) + Note("endnote", "2", Run("ثانية", Ar)),
        };

        var (article, _) = Import(fixture);

        Assert.Equal(["i", "ii"], article!.Notes.Select(n => n.Mark));
        Assert.Contains("[^en:ii]", ChapterWriter.Write(article.Chapters[0]));
    }

    [Fact]
    public void Given_a_custom_mark_When_imported_Then_the_star_is_kept_and_takes_no_number()
    {
        var fixture = new DocxFixture
        {
            Body = Chapter("المقدمة", Paragraph(
                Run("نجمة", Ar) + "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:customMarkFollows=\"1\" w:id=\"1\"/><w:t>*</w:t></w:r>"
                + Run(" ورقم", Ar) + FootnoteReference("2"), Rtl)),
            Footnotes = Note("footnote", "1", Run("حاشية بعلامة", Ar)) + Note("footnote", "2", Run("حاشية مرقمة", Ar)),
        };

        var article = Golden("004-custom-mark", fixture);

        Assert.Equal(["*", "1"], article.Notes.Select(n => n.Mark));
        Assert.DoesNotContain("*", article.Chapters[0].Paragraphs[0].PlainText);
    }

    [Fact]
    public void Given_arabic_bold_stored_only_as_bCs_and_italic_only_as_iCs_When_imported_Then_it_is_bold_and_italic()
    {
        var fixture = new DocxFixture
        {
            Body = Chapter("المقدمة", Paragraph(Run("نص ", Ar) + Run("عريض", Ar + "<w:bCs/>") + Run(" و", Ar) + Run("مائل", Ar + "<w:iCs/>")
                + Run(" وهذا ", Ar) + Run("ليس عريضًا", Ar + "<w:b w:val=\"0\"/><w:bCs w:val=\"0\"/>"), Rtl)),
        };

        var article = Golden("005-arabic-bold-bcs", fixture);

        var inlines = article.Chapters[0].Paragraphs[0].Inlines;
        Assert.Contains(new Styled(TextStyle.Strong, [new TextRun("عريض")]), inlines);
        Assert.Contains(new Styled(TextStyle.Emphasis, [new TextRun("مائل")]), inlines);
        Assert.Contains(new TextRun(" وهذا ليس عريضًا"), inlines);
    }

    [Fact]
    public void Given_a_latin_italic_book_title_in_an_arabic_note_When_imported_Then_it_is_italic_in_the_note()
    {
        var fixture = new DocxFixture
        {
            Body = Chapter("المقدمة", Paragraph(Run("نص", Ar) + FootnoteReference("1"), Rtl)),
            Footnotes = Note("footnote", "1", Run("انظر كتاب ", Ar) + Run("The Russian Way of War", "<w:i/>") + Run("، ص 12.", Ar)),
        };

        var article = Golden("006-latin-italic-in-arabic-note", fixture);

        Assert.Contains(new Styled(TextStyle.Emphasis, [new TextRun("The Russian Way of War")]), article.Notes.Single().Paragraphs[0].Inlines);
    }

    [Fact]
    public void Given_a_right_to_left_table_with_a_header_row_When_imported_Then_its_cells_keep_their_order_and_the_header_is_kept()
    {
        static string Cell(string text) => $"<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/></w:tcPr>{Paragraph(Run(text, Ar), Rtl)}</w:tc>";
        var fixture = new DocxFixture
        {
            Body = Chapter("المقدمة",
                "<w:tbl><w:tblPr><w:bidiVisual/></w:tblPr><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
                + $"<w:tr><w:trPr><w:tblHeader/></w:trPr>{Cell("الدولة")}{Cell("السنة")}{Cell("القوات")}</w:tr>"
                + $"<w:tr>{Cell("روسيا")}{Cell("2015")}{Cell("جوية")}</w:tr>"
                + $"<w:tr>{Cell("إيران")}{Cell("2012")}{Cell("برية | بحرية")}</w:tr></w:tbl>"),
        };

        var article = Golden("007-right-to-left-table", fixture);

        var table = Assert.IsType<Table>(Assert.Single(article.Chapters[0].Blocks));
        Assert.Equal(1, table.HeaderRows);
        Assert.Equal(["الدولة", "السنة", "القوات"], table.Rows[0].Cells.Select(c => InlineText.Plain(c.Inlines)));
        Assert.Equal(["إيران", "2012", "برية | بحرية"], table.Rows[2].Cells.Select(c => InlineText.Plain(c.Inlines)));
    }

    [Fact]
    public void Given_links_by_relationship_and_by_field_When_imported_Then_each_keeps_its_address()
    {
        var fixture = new DocxFixture
        {
            Body = Chapter("المقدمة", Paragraph(
                Run("انظر ", Ar) + "<w:hyperlink r:id=\"rIdLink1\"><w:r><w:rPr><w:rStyle w:val=\"Hyperlink\"/></w:rPr><w:t>موقع الكرملين</w:t></w:r></w:hyperlink>"
                + Run(" و", Ar)
                + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> HYPERLINK \"https://www.reuters.com/a?b=1&amp;c=2\" </w:instrText></w:r>"
                + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" + Run("رويترز", Ar) + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"
                + Run(" و", Ar) + "<w:hyperlink w:anchor=\"_Toc1\"><w:r><w:t>إحالة داخلية</w:t></w:r></w:hyperlink>", Rtl)),
        };
        fixture.Hyperlinks["rIdLink1"] = "http://en.kremlin.ru/events/50385";

        var article = Golden("008-links", fixture);

        var links = InlineText.Descendants(article.Chapters[0].Paragraphs[0].Inlines).OfType<Link>().ToList();
        Assert.Equal(["http://en.kremlin.ru/events/50385", "https://www.reuters.com/a?b=1&c=2"], links.Select(l => l.Url));
        Assert.EndsWith("وإحالة داخلية", article.Chapters[0].Paragraphs[0].PlainText);
    }

    [Fact]
    public void Given_a_figure_with_alt_text_and_a_caption_When_imported_Then_it_is_on_its_page_with_its_alt_text_and_the_image_is_copied()
    {
        var fixture = new DocxFixture
        {
            Body = Chapter("المقدمة", Paragraph(Run("قبل الشكل", Ar), Rtl)
                + Paragraph(Picture("rIdImg1", "خريطة القواعد الروسية في سوريا"), Rtl)
                + Paragraph(Run("الشكل 1: ", Ar) + Run("القواعد", Ar + "<w:bCs/>"), "<w:pStyle w:val=\"Caption\"/>" + Rtl)
                + Paragraph(Run("بعد الشكل", Ar), Rtl)),
        };
        fixture.Images["rIdImg1"] = TinyPng;

        var article = Golden("009-figure", fixture);

        var figure = Assert.Single(article.Chapters[0].Blocks.OfType<Figure>());
        Assert.Equal("خريطة القواعد الروسية في سوريا", figure.AltText);
        Assert.Equal("الشكل 1: القواعد", InlineText.Plain(figure.Caption));
        var media = Assert.Single(article.Media);
        Assert.Equal(figure.Source, media.Path);
        Assert.Equal(TinyPng, media.Bytes);
        Assert.Equal(3, article.Chapters[0].Blocks.Count);
    }

    [Fact]
    public void Given_tracked_changes_When_imported_Then_insertions_are_in_deletions_out_and_moves_once()
    {
        var fixture = new DocxFixture
        {
            Body = Chapter("المقدمة", Paragraph(
                Run("نص ", Ar) + "<w:ins w:id=\"1\" w:author=\"x\"><w:r><w:rPr><w:rtl/></w:rPr><w:t>مضاف </w:t></w:r></w:ins>"
                + "<w:del w:id=\"2\" w:author=\"x\"><w:r><w:rPr><w:rtl/></w:rPr><w:delText>محذوف </w:delText></w:r></w:del>"
                + "<w:moveFrom w:id=\"3\" w:author=\"x\"><w:r><w:t>منقول </w:t></w:r></w:moveFrom>" + Run("باقٍ ", Ar)
                + "<w:moveTo w:id=\"4\" w:author=\"x\"><w:r><w:t>منقول</w:t></w:r></w:moveTo>"
                + "<w:commentRangeStart w:id=\"5\"/>" + "<w:smartTag w:uri=\"x\" w:element=\"place\">" + Run(" موسكو", Ar) + "</w:smartTag>"
                + "<w:sdt><w:sdtContent>" + Run(" وطهران", Ar) + "</w:sdtContent></w:sdt><w:commentRangeEnd w:id=\"5\"/>"
                + "<w:r><w:commentReference w:id=\"5\"/></w:r>", Rtl)),
        };

        var article = Golden("010-tracked-changes", fixture);

        Assert.Equal("نص مضاف باقٍ منقول موسكو وطهران", article.Chapters[0].Paragraphs[0].PlainText);
    }

    [Fact]
    public void Given_lists_quotes_lower_headings_and_a_latin_paragraph_When_imported_Then_each_keeps_its_shape()
    {
        var numbering = """
            <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>
            <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
            """;
        static string Item(int num, int level, string text) =>
            Paragraph(Run(text, Ar), $"<w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{num}\"/></w:numPr><w:bidi/>");
        var fixture = new DocxFixture
        {
            Numbering = numbering,
            Body = Chapter("المقدمة",
                Item(1, 0, "أولًا") + Item(1, 1, "تفصيل") + Item(1, 0, "ثانيًا")
                + Paragraph(Run("فاصل", Ar), Rtl)
                + Item(1, 0, "ثالثًا يتابع العد")
                + Item(2, 0, "نقطة")
                + Paragraph(Run("عنوان فرعي", Ar), "<w:pStyle w:val=\"Heading2\"/>" + Rtl)
                + Paragraph(Run("قال القائل: اقتباس بنمط Quote", Ar), "<w:pStyle w:val=\"Quote\"/>" + Rtl)
                + Paragraph(Run("اقتباس بالإزاحة من الجانبين", Ar), "<w:ind w:start=\"1134\" w:end=\"1134\"/>" + Rtl)
                + Paragraph(Run("An English sentence in its own left-to-right paragraph.", "<w:lang w:val=\"en-US\"/>"))
                + Paragraph(Run("سطر", Ar) + "<w:r><w:br/></w:r>" + Run("وسطر", Ar) + Run(" ثم H", Ar) + Run("2", "<w:vertAlign w:val=\"subscript\"/>") + Run("O و x", Ar) + Run("2", "<w:vertAlign w:val=\"superscript\"/>"), Rtl)),
        };

        var article = Golden("011-lists-quotes-headings", fixture);

        var blocks = article.Chapters[0].Blocks;
        var first = Assert.IsType<ItemList>(blocks[0]);
        Assert.True(first.Ordered);
        Assert.IsType<ItemList>(first.Items[0].Blocks[1]);
        Assert.Equal(3, Assert.IsType<ItemList>(blocks[2]).Start);
        Assert.False(Assert.IsType<ItemList>(blocks[3]).Ordered);
        Assert.Equal(2, Assert.IsType<Heading>(blocks[4]).Level);
        Assert.Equal(2, Assert.IsType<Quote>(blocks[5]).Blocks.Count);
        Assert.Equal(TextDirection.LeftToRight, Assert.IsType<Paragraph>(blocks[6]).Direction);
    }

    [Fact]
    public void Given_headings_with_localized_style_names_and_a_document_title_When_imported_Then_chapters_split_and_the_title_is_metadata()
    {
        var styles = DefaultStyles
            + "<w:style w:type=\"paragraph\" w:styleId=\"a1\"><w:name w:val=\"عنوان 1\"/></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Titre2\"><w:name w:val=\"Titre 2\"/></w:style>";
        var fixture = new DocxFixture
        {
            Styles = styles,
            Body = Paragraph(Run("الشراكة الروسية الإيرانية", Ar), "<w:pStyle w:val=\"Title\"/>" + Rtl)
                + Paragraph(Run("المقدمة", Ar), "<w:pStyle w:val=\"a1\"/>" + Rtl) + Paragraph(Run("نص أول", Ar), Rtl)
                + Paragraph(Run("تفصيل", Ar), "<w:pStyle w:val=\"Titre2\"/>" + Rtl) + Paragraph(Run("نص ثان", Ar), Rtl)
                + Paragraph(Run("الخاتمة", Ar), "<w:pStyle w:val=\"a1\"/>" + Rtl) + Paragraph(Run("نص أخير", Ar), Rtl),
        };

        var article = Golden("012-localized-headings-and-title", fixture);

        Assert.Equal(["المقدمة", "الخاتمة"], article.Chapters.Select(c => c.Title));
        Assert.Equal("الشراكة الروسية الإيرانية", article.Opening.Title);
        Assert.Equal(new Heading(2, [new TextRun("تفصيل")]), article.Chapters[0].Blocks[1]);
    }

    [Fact]
    public void Given_a_manuscript_opening_with_authors_an_Arabic_abstract_and_keywords_When_imported_Then_they_are_metadata_not_a_chapter()
    {
        var fixture = new DocxFixture
        {
            Body = Paragraph(Run("الشراكة الروسية الإيرانية", Ar), "<w:pStyle w:val=\"Title\"/>" + Rtl)
                + Paragraph(Run("د. سارة خليل", Ar), Rtl)
                + Paragraph(Run("جامعة دمشق", Ar), Rtl)
                + Paragraph(Run("ملخص: تتناول هذه الدراسة الشراكة بين روسيا وإيران في سوريا وانعكاساتها على المنطقة.", Ar), Rtl)
                + Paragraph(Run("الكلمات المفتاحية: روسيا، إيران، سوريا", Ar), Rtl)
                + Chapter("المقدمة", Paragraph(Run("نص أول.", Ar), Rtl)),
        };

        var (article, diagnostics) = Import(fixture);

        Assert.Equal(["المقدمة"], article!.Chapters.Select(c => c.Title));
        Assert.Equal("الشراكة الروسية الإيرانية", article.Opening.Title);
        Assert.Equal("سارة خليل", Assert.Single(article.Opening.Authors).Name);
        Assert.Equal(["جامعة دمشق"], article.Opening.Authors[0].Affiliations);
        Assert.Equal(["روسيا", "إيران", "سوريا"], article.Opening.Keywords["ar"]);
        Assert.Equal("ar", article.Opening.Abstract!.Language);
        var warning = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.OpeningRecognized);
        Assert.EndsWith(":paragraph 1", warning.Path);
        Assert.DoesNotContain("line ", warning.Message);
    }

    [Fact]
    public void Given_a_document_without_headings_notes_or_abstracts_When_imported_Then_it_is_one_chapter_with_a_warning_only()
    {
        var fixture = new DocxFixture { Body = Paragraph(Run("نص بلا عناوين", Ar), Rtl) + Paragraph(Run("وفقرة ثانية", Ar), Rtl), Styles = null };

        var (article, diagnostics) = Import(fixture);

        Assert.NotNull(article);
        Assert.Single(article.Chapters);
        Assert.Equal(DiagnosticCodes.DocxNoHeadings, Assert.Single(diagnostics).Code);
        Assert.Equal(Severity.Warning, diagnostics[0].Severity);
    }

    [Fact]
    public void Given_a_document_without_heading_styles_but_named_sections_When_imported_Then_it_is_split_at_them_with_a_warning()
    {
        // Headings typed as bold lines, no style: المقدمة and الخاتمة are found as the text export finds them; "المبحث الأول" is no
        // well-known name, so it stays a line inside the introduction.
        var bold = Ar + "<w:b/><w:bCs/>";
        var fixture = new DocxFixture
        {
            Body = Paragraph(Run("المقدمة", bold), Rtl) + Paragraph(Run("نص المقدمة وهو فقرة من فقرات البحث.", Ar), Rtl)
                + Paragraph(Run("المبحث الأول", bold), Rtl) + Paragraph(Run("نص المبحث.", Ar), Rtl)
                + Paragraph(Run("الخاتمة", bold), Rtl) + Paragraph(Run("نص الخاتمة.", Ar), Rtl),
            Styles = null,
        };

        var (article, diagnostics) = Import(fixture);

        Assert.NotNull(article);
        Assert.Equal(["المقدمة", "الخاتمة"], article.Chapters.Select(c => c.Title));
        Assert.Equal(["01-almqdma", "02-alkhatma"], article.Chapters.Select(c => c.Slug));
        Assert.Equal(DiagnosticCodes.DocxHeadingsByName, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Given_numbering_restarting_each_section_and_each_page_When_imported_Then_sections_restart_and_each_page_warns()
    {
        var fixture = new DocxFixture
        {
            Settings = "<w:footnotePr><w:numRestart w:val=\"eachSect\"/></w:footnotePr>",
            Body = Chapter("الأول", Paragraph(Run("أ", Ar) + FootnoteReference("1"), Rtl + "<w:sectPr/>"))
                + Chapter("الثاني", Paragraph(Run("ب", Ar) + FootnoteReference("2"), Rtl)),
            Footnotes = Note("footnote", "1", Run("أولى", Ar)) + Note("footnote", "2", Run("أولى القسم الثاني", Ar)),
        };

        var (article, diagnostics) = Import(fixture);

        Assert.Empty(diagnostics);
        Assert.Equal(["1", "1"], article!.Notes.Select(n => n.Mark));
        Assert.Equal(["1", "1_s2"], article.Notes.Select(n => n.Id));

        fixture.Settings = "<w:footnotePr><w:numRestart w:val=\"eachPage\"/></w:footnotePr>";
        (article, diagnostics) = Import(fixture);
        Assert.Equal(["1", "2"], article!.Notes.Select(n => n.Mark));
        Assert.Equal(DiagnosticCodes.DocxNumberingEachPage, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Given_abstracts_under_headings_in_english_and_french_When_imported_Then_they_are_abstracts_not_chapters()
    {
        const string english = "This article studies the partnership between Russia and Iran in Syria and the way it shapes the balance of the region, with its causes and limits.";
        const string french = "Cet article étudie le partenariat entre la Russie et l'Iran en Syrie et la manière dont il façonne l'équilibre de la région.";
        var fixture = new DocxFixture
        {
            Body = Chapter("المقدمة", Paragraph(Run("نص", Ar), Rtl))
                + Paragraph(Run("The Russian Iranian partnership", "<w:lang w:val=\"en-GB\"/>"), "<w:pStyle w:val=\"Heading1\"/>")
                + Paragraph(Run(english, "<w:lang w:val=\"en-GB\"/>"))
                + Paragraph(Run("Le partenariat russo-iranien", "<w:lang w:val=\"fr-FR\"/>"), "<w:pStyle w:val=\"Heading1\"/>")
                + Paragraph(Run(french, "<w:lang w:val=\"fr-FR\"/>")),
        };

        var (article, diagnostics) = Import(fixture);

        Assert.Empty(diagnostics);
        Assert.Single(article!.Chapters);
        Assert.Equal(["en", "fr"], article.Abstracts.Select(a => a.Language));
        Assert.Equal([english], article.AbstractIn("en")!.Paragraphs);
    }

    [Fact]
    public void Given_merged_cells_When_imported_Then_they_are_spans_and_a_continuation_holding_text_keeps_it()
    {
        var fixture = new DocxFixture
        {
            Body = Chapter("المقدمة", "<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr>" + Paragraph(Run("مدمجة", Ar), Rtl) + "</w:tc></w:tr>"
                + "<w:tr><w:tc>" + Paragraph(Run("أ", Ar), Rtl) + "</w:tc><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr>" + Paragraph(Run("ب", Ar), Rtl) + "</w:tc></w:tr>"
                + "<w:tr><w:tc>" + Paragraph(Run("ج", Ar), Rtl) + "</w:tc><w:tc><w:tcPr><w:vMerge/></w:tcPr>" + Paragraph(string.Empty) + "</w:tc></w:tr>"
                + "<w:tr><w:tc>" + Paragraph(Run("هـ", Ar), Rtl) + "</w:tc><w:tc><w:tcPr><w:vMerge w:val=\"continue\"/></w:tcPr>" + Paragraph(Run("د", Ar), Rtl) + "</w:tc></w:tr></w:tbl>"),
        };

        var (article, diagnostics) = Import(fixture);

        Assert.Empty(diagnostics);
        var table = Assert.IsType<Table>(Assert.Single(article!.Chapters[0].Blocks));
        Assert.Equal(["مدمجة", "", "أ", "ب", "ج", "", "هـ", "د"], table.Rows.SelectMany(r => r.Cells).Select(c => InlineText.Plain(c.Inlines)));
        Assert.Equal([CellMerge.None, CellMerge.Left, CellMerge.None, CellMerge.None, CellMerge.None, CellMerge.Up, CellMerge.None, CellMerge.None],
            table.Rows.SelectMany(r => r.Cells).Select(c => c.Merge));
    }

    [Fact]
    public void Given_a_noteref_field_When_imported_Then_it_is_a_second_reference_to_the_same_note()
    {
        var fixture = new DocxFixture
        {
            Body = Chapter("المقدمة", Paragraph(Run("أ", Ar) + "<w:bookmarkStart w:id=\"9\" w:name=\"_Ref1\"/>" + FootnoteReference("1") + "<w:bookmarkEnd w:id=\"9\"/>"
                + Run(" ب", Ar) + "<w:fldSimple w:instr=\" NOTEREF _Ref1 \\f \\h \"><w:r><w:t>1</w:t></w:r></w:fldSimple>", Rtl)),
            Footnotes = Note("footnote", "1", Run("مشتركة", Ar)),
        };

        var (article, diagnostics) = Import(fixture);

        Assert.Empty(diagnostics);
        Assert.Equal(2, article!.Chapters[0].NoteReferences.Count());
        Assert.Contains("أ[^1] ب[^1]", ChapterWriter.Write(article.Chapters[0]));
    }

    [Fact]
    public void Given_special_characters_When_imported_Then_they_are_mapped_or_reported()
    {
        var fixture = new DocxFixture
        {
            Body = Chapter("المقدمة", Paragraph(Run("جيو", Ar) + "<w:r><w:softHyphen/></w:r>" + Run("سياسي", Ar) + "<w:r><w:noBreakHyphen/></w:r>" + Run("1", Ar)
                + "<w:r><w:tab/></w:r>" + "<w:r><w:sym w:font=\"Wingdings\" w:char=\"F0E0\"/></w:r>" + "<w:r><w:sym w:font=\"Times New Roman\" w:char=\"F0A7\"/></w:r>", Rtl)),
        };

        var (article, diagnostics) = Import(fixture);

        Assert.Equal("جيو\u00ADسياسي\u20111 §", article!.Chapters[0].Paragraphs[0].PlainText);
        Assert.Equal(DiagnosticCodes.DocxSymbol, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Given_a_linked_image_and_an_EMF_image_When_imported_Then_neither_is_fetched_or_kept_and_each_is_a_warning()
    {
        var linked = "<w:r><w:drawing><wp:inline><wp:docPr id=\"2\" name=\"p\" descr=\"صورة مرتبطة\"/><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
            + "<pic:pic><pic:blipFill><a:blip r:link=\"rIdOut\"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>";
        var fixture = new DocxFixture
        {
            Body = Chapter("المقدمة", Paragraph(Run("نص", Ar), Rtl) + Paragraph(linked, Rtl) + Paragraph(Picture("rIdEmf", "رسم بياني"), Rtl)),
        };
        var emf = new byte[64];
        emf[0] = 1;
        " EMF"u8.CopyTo(emf.AsSpan(40));
        fixture.Images["rIdEmf"] = emf;
        fixture.External["rIdOut"] = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/image", "http://example.org/x.png");

        var (article, diagnostics) = Import(fixture);

        Assert.Equal([DiagnosticCodes.DocxImageFormat, DiagnosticCodes.DocxLinkedImage], diagnostics.Select(d => d.Code).Order(StringComparer.Ordinal));
        Assert.All(diagnostics, d => Assert.Equal(Severity.Warning, d.Severity));
        Assert.Contains("EMF", diagnostics.Single(d => d.Code == DiagnosticCodes.DocxImageFormat).Message);
        Assert.Empty(article!.Media);
        Assert.Empty(article.Chapters[0].Blocks.OfType<Figure>());
    }
}

using System.IO.Compression;
using System.Text;
using AngleSharp.Html.Parser;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Fuzz;
using EditionBuilder.Import;
using EditionBuilder.Import.Docx;
using EditionBuilder.Markdown;
using EditionBuilder.Model;
using EditionBuilder.Site;
using EditionBuilder.Tests.Support;
using Xunit;
using static EditionBuilder.Fuzz.DocxFixture;

namespace EditionBuilder.Tests.Import.Docx;

/// <summary>Bookmarks and the links inside a Word document that lead to them (issue 28): anchors in the chapter where the bookmark stands, links that reach them across chapters on the site and in the e-book; a link to a missing bookmark keeps its words.</summary>
public class WordBookmarkTests
{
    private const string Ar = "<w:rtl/><w:lang w:bidi=\"ar-SA\"/>";
    private const string Rtl = "<w:bidi/>";

    private static string Heading(string text) => Paragraph(Run(text, Ar), "<w:pStyle w:val=\"Heading1\"/>" + Rtl);

    private static string Bookmark(string id, string name, string content) =>
        $"<w:bookmarkStart w:id=\"{id}\" w:name=\"{name}\"/>" + content + $"<w:bookmarkEnd w:id=\"{id}\"/>";

    private static string LinkTo(string anchor, string text) => $"<w:hyperlink w:anchor=\"{anchor}\" w:history=\"1\">" + Run(text, Ar) + "</w:hyperlink>";

    // A HYPERLINK field to a bookmark, as Word writes one typed by hand (the instruction split over two runs).
    private static string FieldTo(string anchor, string text) =>
        "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> HYPERLINK \\l </w:instrText></w:r>"
        + $"<w:r><w:instrText xml:space=\"preserve\">\"{anchor}\" </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
        + Run(text, Ar) + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";

    private static readonly string ThreeChapters =
        Heading("المقدمة")
        + Paragraph(Run("انظر ", Ar) + LinkTo("_Ref2", "الفقرة الثانية") + Run(" و", Ar) + LinkTo("later", "ما يلي") + Run(" و", Ar) + FieldTo("مرجع", "الخاتمة") + Run(".", Ar), Rtl)
        + Paragraph(Bookmark("1", "later", Run("فقرة لاحقة في الفصل الأول.", Ar)), Rtl)
        + Heading("العرض")
        + Paragraph(Run("نص ", Ar) + Bookmark("2", "_Ref2", Run("الفقرة الثانية", Ar)) + Run(" من العرض.", Ar), Rtl)
        + Paragraph(Bookmark("5", "unused", Run("فقرة بعلامة لا يشير إليها رابط.", Ar)), Rtl)
        + Paragraph(Bookmark("3", "مرجع", string.Empty) + Run("الخاتمة", Ar), "<w:pStyle w:val=\"Heading1\"/>" + Rtl)
        + Paragraph(Run("نص الخاتمة.", Ar), Rtl);

    private static (Article Article, List<Diagnostic> Diagnostics) Import(string body)
    {
        var diagnostics = new DiagnosticBag();
        var bytes = new DocxFixture { Body = body }.Build();
        var article = SourceReader.Read("in.docx", bytes, diagnostics, out var kept);
        Assert.True(article is not null && kept is { AllKept: true }, string.Join('\n', diagnostics.Items));
        return (article, diagnostics.Items.ToList());
    }

    private static List<Link> Links(Chapter chapter) => BlockWalk.Inlines(chapter.Blocks).OfType<Link>().ToList();

    /// <summary>The site of an article alone (verified: every internal link and fragment resolves), its title given.</summary>
    internal static IReadOnlyList<SiteFile> Build(Article article)
    {
        using var temp = new TempFolder();
        File.WriteAllText(Path.Combine(temp.Path, "edition.yml"), "name:\n  ar: طبعة تجريبية\n");
        article = article with { Opening = article.Opening with { Title = "مقال تجريبي" } };
        foreach (var (path, content) in ArticleMarkdown.Files(article, ArticleMarkdown.MetadataFrom(article)))
        {
            var full = Path.Combine(temp.Path, "art", path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, content);
        }

        var diagnostics = new DiagnosticBag();
        var edition = ContentFolder.Read(temp.Path, diagnostics);
        Assert.True(edition is not null, string.Join('\n', diagnostics.Items));
        // Sites.Render verifies the site: every internal link and fragment resolves.
        var site = Sites.Render(EditionBuilder.Themes.Theme.Load(Repo.Templates, diagnostics)!, edition, diagnostics);
        Assert.True(site is not null, string.Join('\n', diagnostics.Items));
        return site;
    }

    [Fact]
    public void Given_links_to_bookmarks_in_the_same_chapter_another_chapter_and_a_chapter_heading_When_imported_Then_each_leads_to_its_anchor()
    {
        var (article, diagnostics) = Import(ThreeChapters);

        Assert.DoesNotContain(diagnostics, d => d.Code is DiagnosticCodes.DocxBookmarkMissing or DiagnosticCodes.DocxLinkOutsideChapters);
        Assert.Equal(["المقدمة", "العرض", "الخاتمة"], article.Chapters.Select(c => c.Title));
        var second = article.Chapters[1].Slug;
        var third = article.Chapters[2].Slug;
        Assert.Equal([$"{second}.md#bm-_Ref2", "#bm-later", $"{third}.md"], Links(article.Chapters[0]).Select(l => l.Url));
        Assert.Equal(["الفقرة الثانية", "ما يلي", "الخاتمة"], Links(article.Chapters[0]).Select(l => InlineText.Plain(l.Children)));
        // Anchors stand where the bookmarks start; a bookmark no link leads to gets none.
        Assert.Equal(["bm-later"], BlockWalk.Inlines(article.Chapters[0].Blocks).OfType<Anchor>().Select(a => a.Id));
        Assert.Equal(["bm-_Ref2"], BlockWalk.Inlines(article.Chapters[1].Blocks).OfType<Anchor>().Select(a => a.Id));
        var markdown = ChapterWriter.Write(article.Chapters[1]);
        Assert.Contains("نص []{#bm-_Ref2}الفقرة الثانية من العرض.", markdown);
        Assert.Contains($"[الفقرة الثانية]({second}.md#bm-\\_Ref2)", ChapterWriter.Write(article.Chapters[0]));
    }

    [Fact]
    public void Given_the_imported_links_When_built_Then_the_site_and_the_e_book_lead_to_the_chapter_that_holds_each_bookmark()
    {
        var (article, _) = Import(ThreeChapters);
        var second = article.Chapters[1].Slug;

        var site = Build(article);

        var parser = new HtmlParser();
        var first = parser.ParseDocument(site.Single(f => f.Path == $"art/{article.Chapters[0].Slug}.html").AsText());
        var hrefs = first.QuerySelectorAll("main a:not([role]):not(.para)").Select(a => a.GetAttribute("href")).Where(h => h is not null && !h.StartsWith("http", StringComparison.Ordinal)).ToList();
        Assert.Contains($"{second}.html#bm-_Ref2", hrefs);
        Assert.Contains("#bm-later", hrefs);
        Assert.NotNull(first.GetElementById("bm-later"));
        var target = parser.ParseDocument(site.Single(f => f.Path == $"art/{second}.html").AsText());
        Assert.NotNull(target.GetElementById("bm-_Ref2"));

        var epub = site.Single(f => f.Path.EndsWith(".epub", StringComparison.Ordinal));
        using var zip = new ZipArchive(new MemoryStream(epub.Bytes.ToArray()));
        string Entry(string suffix)
        {
            using var reader = new StreamReader(zip.Entries.Single(e => e.FullName.EndsWith(suffix, StringComparison.Ordinal)).Open(), Encoding.UTF8);
            return reader.ReadToEnd();
        }

        Assert.Contains($"href=\"{second}.xhtml#bm-_Ref2\"", Entry($"chapters/{article.Chapters[0].Slug}.xhtml"));
        Assert.Contains("id=\"bm-_Ref2\"", Entry($"chapters/{second}.xhtml"));
    }

    [Fact]
    public void Given_a_link_to_a_bookmark_the_document_does_not_hold_When_imported_Then_a_warning_at_its_paragraph_and_its_words_are_kept()
    {
        var (article, diagnostics) = Import(Heading("المقدمة") + Paragraph(Run("انظر ", Ar) + LinkTo("_Ref404", "القسم المفقود") + Run(" هنا.", Ar), Rtl));

        var warning = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.DocxBookmarkMissing);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal("in.docx:word/document.xml:paragraph 2 (“انظر القسم المفقود هنا.”)", warning.Path);
        Assert.Contains("'_Ref404'", warning.Message);
        var paragraph = article.Chapters.Single().Paragraphs.Single();
        Assert.Equal("انظر القسم المفقود هنا.", paragraph.PlainText);
        Assert.Empty(Links(article.Chapters.Single()));
    }

    [Fact]
    public void Given_a_bookmark_between_paragraphs_directly_in_the_body_When_imported_and_built_Then_the_next_paragraph_holds_its_anchor()
    {
        var (article, diagnostics) = Import(Heading("المقدمة")
            + Paragraph(Run("انظر ", Ar) + LinkTo("between", "ما بعد الفراغ") + Run(".", Ar), Rtl)
            + "<w:bookmarkStart w:id=\"8\" w:name=\"between\"/>"
            + Paragraph(string.Empty, Rtl)
            + Paragraph(Run("الفقرة التي تلي العلامة.", Ar), Rtl)
            + "<w:bookmarkEnd w:id=\"8\"/>");

        Assert.DoesNotContain(diagnostics, d => d.Code is DiagnosticCodes.DocxBookmarkMissing or DiagnosticCodes.DocxLinkOutsideChapters);
        var paragraphs = article.Chapters.Single().Paragraphs.ToList();
        Assert.Equal(["bm-between"], paragraphs[1].Inlines.OfType<Anchor>().Select(a => a.Id));
        Assert.Equal("#bm-between", Assert.Single(Links(article.Chapters.Single())).Url);
        var page = new HtmlParser().ParseDocument(Build(article).Single(f => f.Path == $"art/{article.Chapters.Single().Slug}.html").AsText());
        Assert.EndsWith("الفقرة التي تلي العلامة.", page.GetElementById("bm-between")!.ParentElement!.TextContent.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_link_to_a_bookmark_in_an_empty_paragraph_When_imported_Then_it_keeps_its_text_with_a_warning_and_the_site_verifies()
    {
        var (article, diagnostics) = Import(Heading("المقدمة")
            + Paragraph(Run("انظر ", Ar) + LinkTo("empty", "الفراغ") + Run(".", Ar), Rtl)
            + Paragraph(Bookmark("7", "empty", string.Empty), Rtl));

        Assert.Contains("1 link(s)", Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.DocxLinkOutsideChapters).Message);
        Assert.Equal("انظر الفراغ.", article.Chapters.Single().Paragraphs.Single().PlainText);
        Assert.Empty(Links(article.Chapters.Single()));
        Assert.NotNull(Build(article));
    }

    [Fact]
    public void Given_a_table_of_contents_whose_entries_link_to_the_headings_When_imported_Then_it_is_left_out_and_the_count_of_words_balances()
    {
        var toc = "<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val=\"Table of Contents\"/></w:docPartObj></w:sdtPr><w:sdtContent>"
            + Paragraph("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-3\" \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
                + "<w:hyperlink w:anchor=\"_Toc1\">" + Run("المقدمة", Ar) + "</w:hyperlink>")
            + Paragraph("<w:hyperlink w:anchor=\"_Toc2\">" + Run("الخاتمة", Ar) + "</w:hyperlink><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>")
            + "</w:sdtContent></w:sdt>";
        var body = toc
            + Paragraph(Bookmark("1", "_Toc1", Run("المقدمة", Ar)), "<w:pStyle w:val=\"Heading1\"/>" + Rtl) + Paragraph(Run("نص المقدمة.", Ar), Rtl)
            + Paragraph(Bookmark("2", "_Toc2", Run("الخاتمة", Ar)), "<w:pStyle w:val=\"Heading1\"/>" + Rtl) + Paragraph(Run("نص الخاتمة.", Ar), Rtl);

        var (article, diagnostics) = Import(body);

        Assert.Contains(diagnostics, d => d.Code == DiagnosticCodes.DocxFieldLeftOut);
        Assert.DoesNotContain(diagnostics, d => d.Code is DiagnosticCodes.DocxBookmarkMissing or DiagnosticCodes.DocxLinkOutsideChapters);
        Assert.Equal(["المقدمة", "الخاتمة"], article.Chapters.Select(c => c.Title));
        Assert.All(article.Chapters, c => Assert.DoesNotContain(BlockWalk.Inlines(c.Blocks), i => i is Anchor or Link));
    }

    [Theory]
    [InlineData("a []{#bm-x} b", true)]
    [InlineData("a \\[\\]{#bm-x} b", false)]
    [InlineData("a []{#1x} b", false)]
    [InlineData("a []{#bm x} b", false)]
    [InlineData("a []{#bm-x b", false)]
    public void Given_an_anchor_or_something_like_it_When_read_Then_only_the_exact_form_is_an_anchor(string markdown, bool anchor)
    {
        var html = Markdig.Markdown.ToHtml(markdown, EditionMarkdown.CreatePipeline());

        Assert.Equal(anchor, html.Contains("<span id=\"bm-x\"></span>", StringComparison.Ordinal));
        if (!anchor) Assert.DoesNotContain("<span id", html);
    }

    [Fact]
    public void Given_anchors_and_links_to_them_in_the_model_When_written_and_read_back_Then_they_are_the_same()
    {
        var chapter = new Chapter(1, "t", "01-t",
        [
            new Paragraph([new Anchor("bm-a"), new TextRun("text "), new Styled(TextStyle.Emphasis, [new TextRun("it")]), new Anchor("bm-b"), new TextRun("[]{#bm-c}")]),
            new Paragraph([new Link("02-x.md#bm-d", [new TextRun("there")]), new TextRun(" and "), new Link("#bm-a", [new TextRun("here")])]),
        ], []);

        var markdown = ChapterWriter.Write(chapter);
        var back = ChapterReader.Read("01-t.md", markdown, new DiagnosticBag())!;

        Assert.Equal(chapter.Blocks, back.Chapter.Blocks);
    }

    [Fact]
    public void Given_a_LibreOffice_document_with_underline_small_caps_a_nested_list_and_a_link_to_a_bookmark_in_another_chapter_When_imported_and_built_Then_each_is_kept()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Repo.TestsFolder, "Import", "Census", "Corpus", "libreoffice-word-features.docx"));
        var diagnostics = new DiagnosticBag();

        var article = SourceReader.Read("libreoffice-word-features.docx", bytes, diagnostics, out var kept);

        Assert.True(article is not null && kept is { AllKept: true }, string.Join('\n', diagnostics.Items));
        Assert.Equal(["المقدمة", "العرض"], article.Chapters.Select(c => c.Title));
        var inlines = BlockWalk.Inlines(article.Chapters[0].Blocks).ToList();
        Assert.Contains(new Styled(TextStyle.Underline, [new TextRun("مسطر")]), inlines);
        Assert.Contains(new Styled(TextStyle.SmallCaps, [new TextRun("Small Caps")]), inlines);
        var link = Assert.Single(inlines.OfType<Link>());
        Assert.Equal((article.Chapters[1].Slug + ".md#bm-partner", "الشريك"), (link.Url, InlineText.Plain(link.Children)));
        Assert.Equal(["bm-partner"], BlockWalk.Inlines(article.Chapters[1].Blocks).OfType<Anchor>().Select(a => a.Id));
        var list = Assert.Single(article.Chapters[0].Blocks.OfType<ItemList>());
        Assert.Equal(2, list.Items.Count);
        var nested = Assert.Single(list.Items[0].Blocks.OfType<ItemList>());
        Assert.Equal(["بند فرعي أول", "بند فرعي ثان"], nested.Items.Select(i => ((Paragraph)i.Blocks[0]).PlainText));

        var site = Build(article);
        var page = new HtmlParser().ParseDocument(site.Single(f => f.Path == $"art/{article.Chapters[0].Slug}.html").AsText());
        Assert.NotNull(page.QuerySelector($"a[href='{article.Chapters[1].Slug}.html#bm-partner']"));
        Assert.NotNull(page.QuerySelector("u"));
        Assert.NotNull(page.QuerySelector("span.smallcaps"));
        Assert.NotNull(page.QuerySelector("li ul li"));
    }
}

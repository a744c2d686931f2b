using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Pdf;
using EditionBuilder.Tests.Jats;
using EditionBuilder.Tests.Support;
using EditionBuilder.Themes;
using Xunit;

namespace EditionBuilder.Tests.Pdf;

/// <summary>The PDF writer on small articles: the Typst source it makes (escaping, notes under their marks), what a missing compiler or a bad theme setting does, and the PDF read back.</summary>
public class PdfWriterTests
{
    private const string Notes = """
        ---
        title: المقدمة
        lang: ar
        dir: rtl
        order: 1
        slug: 01-almqdma
        ---

        نص فيه حاشية[^1] ونجمة[^mark1] وتعليق ختامي[^en:i] والحاشية مرة ثانية[^1].

        [^1]{١}: حاشية سفلية أولى
        [^mark1]{*}: حاشية بنجمة
        [^en:i]: تعليق ختامي في آخر المقال
        """;

    // Text that Typst would read as markup or code if it were written into the source as it is.
    private const string Hostile = """
        #import "@preview/cetz:0.3.0": * $x^2$ <lbl> @ref *strong* _em_ `raw` = heading \ back ] close [ open // comment /* block */ -- --- ... ~ 'q' "dq" #read("/etc/passwd") #eval("1+1")
        """;

    private static EditionContent Edition(string chapter) => JatsWriterTests.Edition(chapter);

    private static TypstArticle Document() => new(new EditionMetadata(), SeedSite.Get().Templates.Strings, new PdfPageStyle("a4", "25mm", "١"));

    private static string Source(string chapter) => Document().Write(PdfArticles.Parse(Edition(chapter)), new HashSet<string>(), null);

    [Fact]
    public void Given_text_with_every_character_Typst_reads_as_markup_When_made_a_literal_Then_only_quotes_backslashes_and_controls_are_escaped()
    {
        Assert.Equal("\"a#b$c*d_e`f<g@h[i]j=k/l~m\"", TypstMarkup.Literal("a#b$c*d_e`f<g@h[i]j=k/l~m"));
        Assert.Equal("\"say \\\"hi\\\" \\\\ back\"", TypstMarkup.Literal("say \"hi\" \\ back"));
        Assert.Equal("\"a\\u{a}b\\u{0}c\\u{1b}d\\u{7f}\"", TypstMarkup.Literal("a\nb\0c\u001bd\u007f"));
        // Half a surrogate pair has no UTF-8 form: U+FFFD; a whole pair is kept.
        Assert.Equal("\"x\\u{fffd}y😀\"", TypstMarkup.Literal("x\ud800y😀"));
        Assert.Equal("<fn-1_x>", TypstMarkup.Label("fn-1>x"));
    }

    [Fact]
    public void Given_footnotes_with_marks_and_an_endnote_When_written_as_Typst_Then_each_footnote_shows_its_mark_its_second_reference_points_to_it_and_the_endnote_is_at_the_end()
    {
        var source = Source(Notes);

        Assert.Contains("#footnote(numbering: _ => \"١\")[#\"حاشية سفلية أولى\"]<fn-1>", source);
        Assert.Contains("#footnote(numbering: _ => \"*\")[#\"حاشية بنجمة\"]<fn-mark1>", source);
        Assert.Contains("#footnote(<fn-1>)", source);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(source, "حاشية سفلية أولى"));
        Assert.Contains("#super[#link(<en-i>)[#\"i\"]]", source);
        var endnotes = source.IndexOf("#\"التعليقات الختامية\"", StringComparison.Ordinal);
        Assert.True(endnotes > source.IndexOf("#footnote(<fn-1>)", StringComparison.Ordinal));
        Assert.Contains("#\"تعليق ختامي في آخر المقال\"]<en-i>", source);
    }

    [Fact]
    public void Given_a_chapter_of_Typst_markup_and_code_When_written_as_Typst_Then_every_character_is_inside_a_string_literal()
    {
        var source = Source(HostileChapter("rtl"));

        // Outside the string literals there is only the writer's own markup: none of the chapter's words.
        var literals = System.Text.RegularExpressions.Regex.Matches(source, "\"(?:[^\"\\\\]|\\\\.)*\"");
        var outside = System.Text.RegularExpressions.Regex.Replace(source, "\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
        foreach (var word in new[] { "cetz", "passwd", "eval", "@ref", "$x", "heading \\", "comment", "lbl" }) Assert.DoesNotContain(word, outside);
        var text = string.Concat(literals.Select(m => m.Value[1..^1].Replace("\\\"", "\"").Replace("\\\\", "\\")));
        Assert.Contains(Hostile.Trim(), text);
    }

    // The hostile text as a chapter: the characters Markdown itself would read escaped, so the parsed text is exactly Hostile.
    private static string HostileChapter(string dir) =>
        $"---\ntitle: t\nlang: ar\ndir: rtl\norder: 1\nslug: 01-t\n---\n\n{{dir={dir}}} " + Hostile.Trim()
            .Replace("<lbl>", "\\<lbl\\>").Replace("*strong*", "\\*strong\\*").Replace("_em_", "\\_em\\_").Replace("`raw`", "\\`raw\\`")
            .Replace("\\ back", "\\\\ back").Replace("] close [", "\\] close \\[") + "\n";

    [Fact]
    public void Given_no_compiler_When_the_writer_is_made_Then_one_warning_says_how_to_install_it_and_there_is_no_writer()
    {
        using var temp = new TempFolder();
        var diagnostics = new DiagnosticBag();
        var lookup = TypstEngine.Find(temp.Path, temp.Path, temp.Path);

        var writer = PdfWriter.Create(SeedSite.Get().Templates, new EditionMetadata(), lookup, null, diagnostics);

        Assert.Null(lookup.Engine);
        Assert.Null(writer);
        Assert.False(diagnostics.HasErrors);
        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCodes.PdfEngineMissing, warning.Code);
        Assert.Contains("npm ci --prefix tools", warning.Message);
        Assert.Contains("--no-pdf", warning.Message);
    }

    [Fact]
    public void Given_a_theme_whose_PDF_settings_are_wrong_When_the_writer_is_made_Then_each_is_an_error_naming_theme_yml()
    {
        using var temp = new TempFolder();
        temp.File("theme/theme.yml", "pdf_paper: a3x\npdf_margin: wide\npdf_page_digits: iv\n");
        var diagnostics = new DiagnosticBag();
        var theme = Theme.Load([Repo.Templates, Path.Combine(temp.Path, "theme")], diagnostics)!;

        var writer = PdfWriter.Create(theme, new EditionMetadata(), new TypstEngine.Lookup(null, "none"), null, diagnostics);

        Assert.Null(writer);
        var errors = diagnostics.Items.Where(d => d.Code == DiagnosticCodes.PdfThemeSetting).ToList();
        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.EndsWith("theme.yml", e.Path));
        Assert.Contains(errors, e => e.Message.Contains("pdf_paper 'a3x'"));
        Assert.Contains(errors, e => e.Message.Contains("pdf_margin 'wide'"));
        Assert.Contains(errors, e => e.Message.Contains("pdf_page_digits 'iv'"));
    }

    [Fact]
    public void Given_a_long_title_When_shortened_for_the_running_head_Then_it_stops_at_its_colon()
    {
        Assert.Equal("الشراكة الروسية – الإيرانية في سوريا",
            TypstArticle.ShortTitle("الشراكة الروسية – الإيرانية في سوريا: انعكاساتها على الوضع الجيوستراتيجي في الشرق الأوسط"));
        Assert.Equal("عنوان قصير", TypstArticle.ShortTitle(" عنوان قصير "));
    }

    [SkippableFact]
    public void Given_a_chapter_of_Typst_markup_and_code_When_compiled_Then_the_PDF_shows_it_as_text()
    {
        var chapter = HostileChapter("ltr");

        var text = string.Join(' ', PdfArticles.Text(PdfArticles.Write(Edition(chapter))).Split((char[])[' ', '\n', '\f'], StringSplitOptions.RemoveEmptyEntries));

        foreach (var piece in new[] { "#import", "\"@preview/cetz:0.3.0\":", "$x^2$", "<lbl>", "@ref", "*strong*", "_em_", "`raw`", "= heading", "\\ back", "] close [", "// comment", "/* block */", "-- --- ...", "'q' \"dq\"", "#read(\"/etc/passwd\")", "#eval(\"1+1\")" })
        {
            Assert.Contains(piece, text);
        }
    }

    [SkippableFact]
    public void Given_footnotes_with_marks_When_compiled_Then_each_note_is_at_the_foot_of_the_first_page_under_its_mark_and_the_endnote_at_the_end()
    {
        var pages = PdfArticles.Pages(PdfArticles.Write(Edition(Notes)));

        // Page 1 is the title page; the chapter and its notes are on page 2.
        var chapter = pages[1];
        Assert.Contains("حاشية سفلية أولى", chapter);
        Assert.Contains("حاشية بنجمة", chapter);
        Assert.Contains("١", chapter);
        Assert.Contains("*", chapter);
        Assert.True(chapter.IndexOf("حاشية سفلية أولى", StringComparison.Ordinal) > chapter.IndexOf("والحاشية مرة ثانية", StringComparison.Ordinal), "the footnotes are below the text");
        Assert.Contains("تعليق ختامي في آخر المقال", pages[^1]);
    }

    [SkippableFact]
    public void Given_a_figure_of_the_articles_image_and_a_table_When_compiled_Then_the_PDF_holds_the_image_its_caption_and_the_cells()
    {
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        const string chapter = "---\ntitle: t\nlang: ar\ndir: rtl\norder: 1\nslug: 01-t\n---\n\n^^^\n![خريطة سوريا](media/map.png)\n^^^ الشكل الأول: خريطة\n\n| الدولة | السنة |\n| --- | --- |\n| روسيا | 2015 |\n";
        var edition = Edition(chapter);
        var article = edition.Articles[0] with { Media = [new ArticleMedia("media/map.png", null, png)] };
        var content = edition with { Articles = [article] };

        var pdf = PdfArticles.Write(content);

        var text = PdfArticles.Text(pdf);
        Assert.Contains("خريطة", text);
        Assert.Contains("روسيا", text);
        Assert.Contains("2015", text);
        Assert.Equal(1, PdfArticles.Images(pdf));
    }
}

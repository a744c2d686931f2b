using System.Text;
using AngleSharp.Html.Parser;
using EditionBuilder.Import;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Cli;

/// <summary>Real manuscripts from the user's side: a lone export built straight to a site, a legacy encoding, an import into a hand-edited article folder, a misspelt key.</summary>
public class ManuscriptCliTests
{
    private static string Golden(string name) => Path.Combine(Repo.TestsFolder, "Golden", "import", name);

    private static string H1(string site, string page) => new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site, page))).QuerySelector("h1")!.OuterHtml;

    [Fact]
    public void Given_a_manuscript_export_When_built_alone_Then_the_Arabic_page_has_the_Arabic_title_from_the_source()
    {
        using var temp = new TempFolder();

        var result = Support.Cli.Run(temp.Path, "build", Golden("007-manuscript-opening.txt"), "-o", "site", "--no-cache", "--precompress", "none");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning EB0108: the manuscript opens with front matter", result.Errors);
        Assert.Equal("<h1>الشراكة الروسية – الإيرانية في سوريا</h1>", H1(Path.Combine(temp.Path, "site"), "index.html"));
        var landing = File.ReadAllText(Path.Combine(temp.Path, "site", "index.html"));
        Assert.Contains("سارة خليل", landing);
        Assert.Contains("تتناول هذه الدراسة", landing);
    }

    [Fact]
    public void Given_the_seed_which_has_no_Arabic_title_When_built_alone_Then_its_title_is_marked_as_English_and_a_warning_says_why()
    {
        using var temp = new TempFolder();

        var result = Support.Cli.Run(temp.Path, "build", Repo.SeedPath, "-o", "site", "--no-cache", "--precompress", "none");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"{Repo.SeedPath}: warning EB0110: the source gives no Arabic title", result.Errors);
        Assert.StartsWith("<h1 lang=\"en\" dir=\"ltr\">The Russian – Iranian partnership in Syria", H1(Path.Combine(temp.Path, "site"), "index.html"));
    }

    [Fact]
    public void Given_a_lone_Word_document_with_no_title_When_built_Then_an_error_says_where_the_title_goes_and_no_site_is_written()
    {
        // Found in a new user's trial: pandoc without --metadata title writes no Title paragraph, and every page's <title> and <h1> was empty.
        using var temp = new TempFolder();
        var document = new EditionBuilder.Fuzz.DocxFixture
        {
            Body = EditionBuilder.Fuzz.DocxFixture.Paragraph(EditionBuilder.Fuzz.DocxFixture.Run("المقدمة", "<w:rtl/><w:b/>"), "<w:bidi/>")
                + EditionBuilder.Fuzz.DocxFixture.Paragraph(EditionBuilder.Fuzz.DocxFixture.Run("نص المقدمة وهو فقرة من فقرات البحث.", "<w:rtl/>"), "<w:bidi/>")
                + EditionBuilder.Fuzz.DocxFixture.Paragraph(EditionBuilder.Fuzz.DocxFixture.Run("الخاتمة", "<w:rtl/><w:b/>"), "<w:bidi/>")
                + EditionBuilder.Fuzz.DocxFixture.Paragraph(EditionBuilder.Fuzz.DocxFixture.Run("نص الخاتمة.", "<w:rtl/>"), "<w:bidi/>"),
            Styles = null,
        };
        var source = temp.File("article.docx", document.Build());

        var result = Support.Cli.Run(temp.Path, "build", "article.docx", "-o", "site", "--no-cache", "--precompress", "none");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("article.docx:1:1: error EB0207: the source gives the article no title in any language: put the title as the document's first paragraph, in Word's Title style", result.Errors);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "site")));
        Assert.True(File.Exists(source));
    }

    [Fact]
    public void Given_a_lone_text_export_with_no_title_When_built_Then_an_error_says_to_put_it_on_the_first_line()
    {
        using var temp = new TempFolder();
        temp.File("article.txt", "المقدمة\nنص المقدمة وهو فقرة من فقرات البحث.\nالخاتمة\nنص الخاتمة.\n");

        var result = Support.Cli.Run(temp.Path, "build", "article.txt", "-o", "site", "--no-cache", "--precompress", "none");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("article.txt:1:1: error EB0207: the source gives the article no title in any language: put the title on the first line, before the first section", result.Errors);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "site")));
    }

    [Fact]
    public void Given_a_Windows_1256_export_in_a_content_folder_When_built_Then_one_error_and_with_encoding_a_site()
    {
        using var temp = new TempFolder();
        var text = File.ReadAllText(Golden("007-manuscript-opening.txt"));
        temp.File("content/article/source/article.txt", SourceEncodings.WindowsArabic.GetBytes(text));

        var refused = Support.Cli.Run(temp.Path, "build", "content", "-o", "site", "--no-cache");
        var built = Support.Cli.Run(temp.Path, "build", "content", "-o", "site", "--no-cache", "--precompress", "none", "--encoding", "windows-1256");

        Assert.Equal(1, refused.ExitCode);
        Assert.Single(refused.Errors.Split('\n'), l => l.Contains("error", StringComparison.Ordinal) && l.Contains("EB0", StringComparison.Ordinal));
        Assert.Contains("error EB0010: this file is not UTF-8: it looks like windows-1256", refused.Errors);
        Assert.Equal(0, built.ExitCode);
        Assert.Contains("warning EB0107: read as windows-1256 (--encoding)", built.Errors);
        Assert.Equal("<h1>الشراكة الروسية – الإيرانية في سوريا</h1>", H1(Path.Combine(temp.Path, "site"), "article/index.html"));
    }

    [Fact]
    public void Given_an_article_folder_with_a_hand_edited_article_yml_When_imported_into_it_Then_set_fields_and_comments_stay_and_empty_ones_are_filled()
    {
        using var temp = new TempFolder();
        var metadata = temp.File("article/article.yml", "# checked by the editor\ntitle:\n  ar: \"\"\n  en: The editor's English title\ndoi: 10.1234/abc   # registered\nauthors: []\n");

        var result = Support.Cli.Run(temp.Path, "import", Golden("007-manuscript-opening.txt"), "-o", "article");

        Assert.Equal(0, result.ExitCode);
        var merged = File.ReadAllText(metadata);
        Assert.StartsWith("# checked by the editor\ntitle:\n  ar: \"الشراكة الروسية – الإيرانية في سوريا\"\n  en: The editor's English title\n  fr: \"Le partenariat", merged);
        Assert.DoesNotContain("The Russian", merged);
        Assert.Contains("doi: 10.1234/abc   # registered\n", merged);
        Assert.Contains("authors: [{ name: \"أحمد محمد علي\", affiliation: \"جامعة بيروت العربية، كلية الحقوق والعلوم السياسية\", email: \"ahmad.ali@example.org\" }, ", merged);
        Assert.True(File.Exists(Path.Combine(temp.Path, "article", "ar", "abstract.md")));
        Assert.Contains("front matter (2 authors, keywords: 4 ar, 4 en, 4 fr)", result.Output);
        Assert.Contains("4 keywords (ar, line 12)", result.Errors); // EB0108 names the opening's; the summary adds the abstracts'

        Assert.Contains($"{Path.Combine("article", "article.yml")}: filled title.ar, title.fr, subtitle.ar, authors, keywords.ar, keywords.en, keywords.fr; every other field kept as written", result.Output);
    }

    [Fact]
    public void Given_author_instead_of_authors_When_built_Then_exit_1_with_the_suggestion_and_nothing_written()
    {
        using var temp = new TempFolder();
        SmallEdition.WriteTo(Path.Combine(temp.Path, "content"));
        File.AppendAllText(Path.Combine(temp.Path, "content", "small", "article.yml"), "author: أحمد\ndate: 15/03/2024\n");

        var result = Support.Cli.Run(temp.Path, "build", "content", "-o", "site");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("small/article.yml:5:1: error EB0208: unknown key 'author'; did you mean 'authors'?", result.Errors.Replace('\\', '/'));
        Assert.Contains("small/article.yml:6:7: error EB0214: '15/03/2024' is not a date written YYYY, YYYY-MM or YYYY-MM-DD (ISO 8601); did you mean 2024-03-15?", result.Errors.Replace('\\', '/'));
        Assert.DoesNotContain("System.", result.Errors);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "site")));
    }
}

using System.Text;
using AngleSharp.Html.Parser;
using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Pipeline;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Cli;

/// <summary>Real manuscripts from the user's side: a lone export built straight to a site, a legacy encoding, an import into a hand-edited article folder, a misspelt key.</summary>
public class ManuscriptCliTests
{
    private static string Golden(string name) => Path.Combine(Repo.TestsFolder, "Golden", "import", name);

    // A lone source or a content folder built as `edition build <input> -o site --no-cache --precompress none` builds it.
    private static FolderBuilds.Built Build(TempFolder temp, string input, Encoding? encoding = null) =>
        FolderBuilds.Run(Path.Combine(temp.Path, input), Path.Combine(temp.Path, "site"), options: BuildOptions.Uncompressed, encoding: encoding);

    private static Diagnostic Said(FolderBuilds.Built built, Severity severity, string code) =>
        Assert.Single(built.Diagnostics.Items, d => d.Severity == severity && d.Code == code);

    private static string H1(string site, string page) => new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site, page))).QuerySelector("h1")!.OuterHtml;

    [Fact]
    public void Given_a_manuscript_export_When_built_alone_Then_the_Arabic_page_has_the_Arabic_title_from_the_source()
    {
        using var temp = new TempFolder();

        var result = Build(temp, Golden("007-manuscript-opening.txt"));

        Assert.True(result.Succeeded, result.Said);
        Assert.StartsWith("the manuscript opens with its title, authors or abstract (the opening)", Said(result, Severity.Warning, "EB0108").Message);
        Assert.Equal("<h1>الشراكة الروسية – الإيرانية في سوريا</h1>", H1(Path.Combine(temp.Path, "site"), "index.html"));
        var landing = File.ReadAllText(Path.Combine(temp.Path, "site", "index.html"));
        Assert.Contains("سارة خليل", landing);
        Assert.Contains("تتناول هذه الدراسة", landing);
    }

    [Fact]
    public void Given_the_seed_which_has_no_Arabic_title_When_built_alone_Then_its_title_is_marked_as_English_and_a_warning_says_why()
    {
        using var temp = new TempFolder();

        var result = Build(temp, Repo.SeedPath);

        Assert.True(result.Succeeded, result.Said);
        var warning = Said(result, Severity.Warning, "EB0110");
        Assert.Equal(Repo.SeedPath, warning.Path);
        Assert.StartsWith("the source gives no Arabic title", warning.Message);
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

        var result = Build(temp, "article.docx");

        Assert.False(result.Succeeded);
        var error = Said(result, Severity.Error, "EB0207");
        Assert.Equal((source, 1, 1), (error.Path, error.Line, error.Column));
        Assert.StartsWith("the source gives the article no title in any language: put the title as the document's first paragraph, in Word's Title style", error.Message);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "site")));
        Assert.True(File.Exists(source));
    }

    [Fact]
    public void Given_a_lone_text_export_with_no_title_When_built_Then_an_error_says_to_put_it_on_the_first_line()
    {
        using var temp = new TempFolder();
        var source = temp.File("article.txt", "المقدمة\nنص المقدمة وهو فقرة من فقرات البحث.\nالخاتمة\nنص الخاتمة.\n");

        var result = Build(temp, "article.txt");

        Assert.False(result.Succeeded);
        var error = Said(result, Severity.Error, "EB0207");
        Assert.Equal((source, 1, 1), (error.Path, error.Line, error.Column));
        Assert.StartsWith("the source gives the article no title in any language: put the title on the first line, before the first section", error.Message);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "site")));
    }

    [Fact]
    public void Given_a_Windows_1256_export_in_a_content_folder_When_built_Then_one_error_and_with_encoding_a_site()
    {
        using var temp = new TempFolder();
        var text = File.ReadAllText(Golden("007-manuscript-opening.txt"));
        temp.File("content/article/source/article.txt", SourceEncodings.WindowsArabic.GetBytes(text));

        var refused = FolderBuilds.Run(Path.Combine(temp.Path, "content"), Path.Combine(temp.Path, "site"));
        var built = Build(temp, "content", SourceEncodings.WindowsArabic);

        Assert.False(refused.Succeeded);
        var error = Assert.Single(refused.Diagnostics.Items, d => d.Severity == Severity.Error);
        Assert.Equal("EB0010", error.Code);
        Assert.StartsWith("this file is not UTF-8: it looks like windows-1256", error.Message);
        Assert.True(built.Succeeded, built.Said);
        Assert.StartsWith("read as windows-1256 (--encoding)", Said(built, Severity.Warning, "EB0107").Message);
        Assert.Equal("<h1>الشراكة الروسية – الإيرانية في سوريا</h1>", H1(Path.Combine(temp.Path, "site"), "article/index.html"));
    }

    [Fact]
    public void Given_an_article_folder_with_a_hand_edited_article_yml_When_imported_into_it_Then_set_fields_and_comments_stay_and_empty_ones_are_filled()
    {
        using var temp = new TempFolder();
        var metadata = temp.File("article/article.yml", "# checked by the editor\ntitle:\n  ar: \"\"\n  en: The editor's English title\ndoi: 10.1234/abc   # registered\nauthors: []\n");

        var diagnostics = new DiagnosticBag();
        var result = ImportArticle.Run(Golden("007-manuscript-opening.txt"), Path.Combine(temp.Path, "article"), force: false, diagnostics);

        Assert.True(result.Succeeded, string.Join('\n', diagnostics.Items));
        var merged = File.ReadAllText(metadata);
        Assert.StartsWith("# checked by the editor\ntitle:\n  ar: \"الشراكة الروسية – الإيرانية في سوريا\"\n  en: The editor's English title\n  fr: \"Le partenariat", merged);
        Assert.DoesNotContain("The Russian", merged);
        Assert.Contains("doi: 10.1234/abc   # registered\n", merged);
        Assert.Contains("authors: [{ name: \"أحمد محمد علي\", affiliation: \"جامعة بيروت العربية، كلية الحقوق والعلوم السياسية\", email: \"ahmad.ali@example.org\" }, ", merged);
        Assert.True(File.Exists(Path.Combine(temp.Path, "article", "ar", "abstract.md")));
        Assert.True(result.HasOpening);
        Assert.Equal(2, result.Authors);
        Assert.Equal([("ar", 4), ("en", 4), ("fr", 4)], result.Keywords);
        // EB0108 names the opening's; the report adds the abstracts'.
        Assert.Contains("4 keywords (ar, line 12)", Assert.Single(diagnostics.Items, d => d.Code == "EB0108").Message);

        Assert.Equal(metadata, result.MetadataPath);
        Assert.Equal(["title.ar", "title.fr", "subtitle.ar", "authors", "keywords.ar", "keywords.en", "keywords.fr"], result.Filled);
        Assert.Empty(result.NotFilled);
    }

    [Fact]
    public void Given_author_instead_of_authors_When_built_Then_exit_1_with_the_suggestion_and_nothing_written()
    {
        using var temp = new TempFolder();
        SmallEdition.WriteTo(Path.Combine(temp.Path, "content"));
        File.AppendAllText(Path.Combine(temp.Path, "content", "small", "article.yml"), "author: أحمد\ndate: 15/03/2024\n");

        var result = FolderBuilds.Run(Path.Combine(temp.Path, "content"), Path.Combine(temp.Path, "site"));

        Assert.False(result.Succeeded);
        var metadata = Path.Combine(temp.Path, "content", "small", "article.yml");
        Assert.Contains(new Diagnostic(Severity.Error, "EB0208", metadata, 5, 1, "unknown key 'author'; did you mean 'authors'?"), result.Diagnostics.Items);
        Assert.Contains(new Diagnostic(Severity.Error, "EB0214", metadata, 6, 7, "'15/03/2024' is not a date written YYYY, YYYY-MM or YYYY-MM-DD (ISO 8601); did you mean 2024-03-15?"), result.Diagnostics.Items);
        Assert.DoesNotContain(result.Diagnostics.Items, d => d.Message.Contains("System.", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "site")));
    }
}

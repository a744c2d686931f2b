using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.References;

/// <summary>ar/references.md in a content folder on disk: read as the article's reference list (never a chapter), also when text is read late; a malformed one fails `edition build` at its line, writing no site.</summary>
public class ReferenceContentTests
{
    private static string WriteContent(TempFolder temp, string references)
    {
        var content = Path.Combine(temp.Path, "content");
        SmallEdition.WriteTo(content);
        File.WriteAllText(Path.Combine(content, "small", "ar", "references.md"), references);
        return content;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Given_a_content_folder_with_ar_references_md_When_read_Then_it_is_the_articles_reference_list_and_no_chapter(bool deferText)
    {
        using var temp = new TempFolder();
        var folder = WriteContent(temp, ReferenceEdition.References);
        var diagnostics = new DiagnosticBag();

        var content = ContentFolder.Read(folder, diagnostics, deferText);
        var article = ContentFolder.WithText(content!.Articles[0], diagnostics)!;

        Assert.Empty(diagnostics.Items);
        Assert.Equal(["01-almqdma.md", "02-alkhatma.md"], article.Chapters.Select(c => Path.GetFileName(c.Path)).Order(StringComparer.Ordinal));
        Assert.Equal(Path.Combine(folder, "small", "ar", "references.md"), article.References!.Path);
        Assert.Equal(ReferenceEdition.References, article.References.Text);
    }

    [Fact]
    public void Given_a_Word_document_with_a_references_section_built_without_import_When_built_Then_its_reference_list_has_its_page()
    {
        using var temp = new TempFolder();
        static string P(string text, string properties = "", string run = "") => EditionBuilder.Fuzz.DocxFixture.Paragraph(EditionBuilder.Fuzz.DocxFixture.Run(text, run), properties);
        const string heading = "<w:pStyle w:val=\"Heading1\"/>";
        var document = new EditionBuilder.Fuzz.DocxFixture
        {
            Body = P("المقدمة", heading) + P("نص المقدمة.") + P("المراجع", heading)
                + P("كاتز، مارك. روسيا وإيران. بيروت، 2012.") + P("Smith, J. (2020). A title. doi:10.1000/x", run: "<w:lang w:val=\"en-US\"/>"),
        }.Build();
        temp.File("content/art/source/article.docx", document);
        temp.File("content/art/article.yml", "title: { ar: مقال }\n");
        var diagnostics = new DiagnosticBag();

        var content = ContentFolder.Read(Path.Combine(temp.Path, "content"), diagnostics);
        var site = Sites.Render(ReferenceEdition.Theme, content!, diagnostics);

        Assert.True(site is not null, string.Join('\n', diagnostics.Items));
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(site.Single(f => f.Path == "art/references.html").AsText());
        Assert.Equal(["ar", "en"], page.QuerySelectorAll("section.references li").Select(li => li.GetAttribute("lang")));
        Assert.Equal(["https://doi.org/10.1000/x"], page.QuerySelectorAll("section.references a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Given_a_reference_list_beside_a_source_and_no_chapters_When_read_Then_EB0596_says_it_is_not_read()
    {
        using var temp = new TempFolder();
        File.Copy(Repo.SeedPath, temp.File("content/art/source/article.txt"));
        var references = temp.File("content/art/ar/references.md", ReferenceEdition.References);
        var diagnostics = new DiagnosticBag();

        var content = ContentFolder.Read(Path.Combine(temp.Path, "content"), diagnostics);

        Assert.NotNull(content);
        var warning = Assert.Single(diagnostics.Items, d => d.Code == DiagnosticCodes.ReferencesBesideSource);
        Assert.Equal((Severity.Warning, references), (warning.Severity, warning.Path));
        Assert.Contains("article.txt", warning.Message, StringComparison.Ordinal);
        Assert.Null(content.Articles[0].References);
    }

    [Fact]
    public void Given_a_references_file_whose_body_is_not_one_list_When_built_Then_the_build_fails_at_its_line_and_writes_no_site()
    {
        using var temp = new TempFolder();
        WriteContent(temp, "---\ntitle: \"المراجع\"\nlang: ar\ndir: rtl\nslug: references\n---\n\n- مرجع\n\nفقرة ليست مرجعا\n");

        var built = FolderBuilds.Run(Path.Combine(temp.Path, "content"), Path.Combine(temp.Path, "site"), theme: Repo.Templates);

        Assert.False(built.Succeeded);
        var error = Assert.Single(built.Errors("EB0590"));
        Assert.Equal((Path.Combine(temp.Path, "content", "small", "ar", "references.md"), 10, 1), (error.Path, error.Line, error.Column));
        Assert.StartsWith("a paragraph in a reference list", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "site")));
    }

    [Fact]
    public void Given_a_cached_build_When_the_reference_list_is_added_then_edited_Then_each_time_the_article_is_made_again_with_it()
    {
        using var temp = new TempFolder();
        var content = Path.Combine(temp.Path, "content");
        SmallEdition.WriteTo(content);
        FolderBuilds.Built Build() => FolderBuilds.Run(content, Path.Combine(temp.Path, "site"), Repo.Templates, Path.Combine(temp.Path, "cache"));
        var page = Path.Combine(temp.Path, "site", "small", "references.html");
        Assert.True(Build().Succeeded);
        Assert.False(File.Exists(page));

        var references = Path.Combine(content, "small", "ar", "references.md");
        File.WriteAllText(references, ReferenceEdition.References);
        var added = Build();
        Assert.True(added.Succeeded, added.Said);
        Assert.Equal((1, 1), (added.Build.ArticlesRendered, added.Build.Articles));
        Assert.Contains("Smith, J.", File.ReadAllText(page), StringComparison.Ordinal);

        File.WriteAllText(references, ReferenceEdition.References.Replace("Smith, J.", "Smith, John", StringComparison.Ordinal));
        var edited = Build();
        Assert.True(edited.Succeeded, edited.Said);
        Assert.Equal((1, 1), (edited.Build.ArticlesRendered, edited.Build.Articles));
        Assert.Contains("Smith, John", File.ReadAllText(page), StringComparison.Ordinal);
        Assert.Contains("Smith, John", File.ReadAllText(Path.Combine(temp.Path, "site", "small", "small.xml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_valid_references_file_When_built_into_a_folder_Then_its_page_is_written_and_verified()
    {
        using var temp = new TempFolder();
        WriteContent(temp, ReferenceEdition.References);

        var built = FolderBuilds.Run(Path.Combine(temp.Path, "content"), Path.Combine(temp.Path, "site"), theme: Repo.Templates);

        Assert.True(built.Succeeded, built.Said);
        Assert.True(File.Exists(Path.Combine(temp.Path, "site", "small", "references.html")));
    }
}

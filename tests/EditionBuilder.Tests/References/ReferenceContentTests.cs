using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
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
    public void Given_a_references_file_whose_body_is_not_one_list_When_built_Then_the_build_fails_at_its_line_and_writes_no_site()
    {
        using var temp = new TempFolder();
        WriteContent(temp, "---\ntitle: \"المراجع\"\nlang: ar\ndir: rtl\nslug: references\n---\n\n- مرجع\n\nفقرة ليست مرجعا\n");

        var result = Support.Cli.Run(temp.Path, "build", "content", "-o", "site", "--theme", Repo.Templates, "--no-cache");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{Path.Combine("content", "small", "ar", "references.md")}:10:1: error EB0590: a paragraph in a reference list", result.Errors, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "site")));
    }

    [Fact]
    public void Given_a_cached_build_When_the_reference_list_is_added_then_edited_Then_each_time_the_article_is_made_again_with_it()
    {
        using var temp = new TempFolder();
        var content = Path.Combine(temp.Path, "content");
        SmallEdition.WriteTo(content);
        Support.Cli.Result Build() => Support.Cli.Run(temp.Path, "build", "content", "-o", "site", "--theme", Repo.Templates, "--cache", "cache");
        var page = Path.Combine(temp.Path, "site", "small", "references.html");
        Assert.Equal(0, Build().ExitCode);
        Assert.False(File.Exists(page));

        var references = Path.Combine(content, "small", "ar", "references.md");
        File.WriteAllText(references, ReferenceEdition.References);
        var added = Build();
        Assert.True(added.ExitCode == 0, added.Errors);
        Assert.Contains("1 article(s) rendered, 0 unchanged", added.Output, StringComparison.Ordinal);
        Assert.Contains("Smith, J.", File.ReadAllText(page), StringComparison.Ordinal);

        File.WriteAllText(references, ReferenceEdition.References.Replace("Smith, J.", "Smith, John", StringComparison.Ordinal));
        var edited = Build();
        Assert.True(edited.ExitCode == 0, edited.Errors);
        Assert.Contains("1 article(s) rendered, 0 unchanged", edited.Output, StringComparison.Ordinal);
        Assert.Contains("Smith, John", File.ReadAllText(page), StringComparison.Ordinal);
        Assert.Contains("Smith, John", File.ReadAllText(Path.Combine(temp.Path, "site", "small", "small.xml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_valid_references_file_When_built_with_the_command_Then_its_page_is_written_and_verified()
    {
        using var temp = new TempFolder();
        WriteContent(temp, ReferenceEdition.References);

        var result = Support.Cli.Run(temp.Path, "build", "content", "-o", "site", "--theme", Repo.Templates, "--no-cache");

        Assert.True(result.ExitCode == 0, result.Errors);
        Assert.True(File.Exists(Path.Combine(temp.Path, "site", "small", "references.html")));
    }
}

using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Cli;

/// <summary>A diagnostic names a file as the user named its folder: relative when the content folder was given relative (EB0203 in a chapter, EB0603 at a link, an import warning in a source), absolute when it was given absolute.</summary>
public class DiagnosticPathTests
{
    private static string[] Build(TempFolder temp, string content) =>
        Support.Cli.Run(temp.Path, "build", content, "-o", "site", "--no-cache", "--no-search", "--no-pdf", "--precompress", "none")
            .Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static void WithoutNoteOne(TempFolder temp)
    {
        SmallEdition.WriteTo(Path.Combine(temp.Path, "content"));
        var chapter = Path.Combine(temp.Path, "content", "small", "ar", "01-almqdma.md");
        var lines = File.ReadAllLines(chapter);
        Assert.Contains(lines, l => l.StartsWith("[^1]:", StringComparison.Ordinal));
        File.WriteAllLines(chapter, lines.Where(l => !l.StartsWith("[^1]:", StringComparison.Ordinal)));
    }

    [Fact]
    public void Given_a_reference_without_its_note_in_a_content_folder_given_relative_Then_EB0203_names_the_chapter_relative()
    {
        using var temp = new TempFolder();
        WithoutNoteOne(temp);

        var errors = Build(temp, "content");

        Assert.Contains(errors, l => l.StartsWith("content/small/ar/01-almqdma.md:", StringComparison.Ordinal) && l.Contains(": error EB0203: ", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, l => l.Contains(temp.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void Given_the_same_content_folder_given_absolute_Then_EB0203_names_the_chapter_absolute()
    {
        using var temp = new TempFolder();
        WithoutNoteOne(temp);

        var errors = Build(temp, Path.Combine(temp.Path, "content"));

        Assert.Contains(errors, l => l.StartsWith(Path.Combine(temp.Path, "content/small/ar/01-almqdma.md:"), StringComparison.Ordinal) && l.Contains(": error EB0203: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_links_out_of_a_content_folder_given_relative_Then_EB0603_names_each_link_and_the_folder_relative()
    {
        using var temp = new TempFolder();
        SmallEdition.WriteTo(Path.Combine(temp.Path, "content"));
        var outside = temp.File("outside.png", "not the content's");
        Directory.CreateDirectory(Path.Combine(temp.Path, "content", "small", "ar", "media"));
        File.CreateSymbolicLink(Path.Combine(temp.Path, "content", "small", "ar", "media", "figure.png"), outside);
        File.CreateSymbolicLink(Path.Combine(temp.Path, "content", "linked"), temp.Path);

        var errors = Build(temp, "content");

        Assert.Contains($"content/small/ar/media/figure.png: error EB0603: this is a symbolic link to {outside}, outside content; the tool reads nothing outside its input folders (copy the file in instead)", errors);
        Assert.Contains(errors, l => l.StartsWith("content/linked: error EB0603: ", StringComparison.Ordinal) && l.Contains(", outside content;", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_content_theme_linking_out_of_a_content_folder_given_relative_Then_EB0603_names_the_theme_and_the_folder_relative()
    {
        using var temp = new TempFolder();
        SmallEdition.WriteTo(Path.Combine(temp.Path, "content"));
        Directory.CreateDirectory(Path.Combine(temp.Path, "elsewhere"));
        File.CreateSymbolicLink(Path.Combine(temp.Path, "content", "theme"), Path.Combine(temp.Path, "elsewhere"));

        var errors = Build(temp, "content");

        Assert.Contains(errors, l => l.StartsWith("content/theme: error EB0603: the theme folder leads to ", StringComparison.Ordinal) && l.Contains(", outside content;", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_source_with_an_uncited_note_in_a_content_folder_given_relative_Then_the_import_warning_names_it_relative()
    {
        using var temp = new TempFolder();
        temp.File("content/article/article.yml", "title: { ar: مقال }\n");
        temp.File("content/article/source/article.txt", " المقدمة\n[bookmark: _ftnref1]فقرة تحيل[1].\n\n[1]- ملاحظة\n[2]- ملاحظة لا يحيل إليها النص\n");

        var errors = Build(temp, "content");

        Assert.Contains(errors, l => l.StartsWith("content/article/source/article.txt:5:1: warning EB0102: ", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, l => l.Contains(temp.Path + "/content", StringComparison.Ordinal));
    }
}

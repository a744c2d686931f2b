using EditionBuilder.Diagnostics;
using EditionBuilder.Pipeline;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Import;

/// <summary>An import never writes through a link: <c>ar</c> or <c>ar/media</c> of its folder being a symbolic link is an error at the link (exit 1), and nothing is written, there or where it points.</summary>
public class ImportTargetLinkTests
{
    [Theory]
    [InlineData("ar")]
    [InlineData("ar/media")]
    public void Given_a_folder_the_import_writes_into_is_a_symbolic_link_When_imported_Then_EB0931_at_the_link_and_nothing_is_written(string linked)
    {
        using var temp = new TempFolder();
        var (outside, before) = LinkInto(temp, linked);
        var diagnostics = new DiagnosticBag();

        var report = ImportArticle.Run(Path.Combine(temp.Path, "doc.docx"), Path.Combine(temp.Path, "dir"), force: false, diagnostics);

        Assert.False(report.Succeeded);
        Assert.Equal([linked], report.Blocking);
        var where = Path.Combine(temp.Path, "dir", linked);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal((Severity.Error, "EB0931", where), (error.Severity, error.Code, error.Path));
        Assert.StartsWith($"{where} is a symbolic link (to {Path.Combine(temp.Path, "outside")}), where the import writes a folder of its own", error.Message);
        Assert.Equal(outside, Folders.Snapshot(Path.Combine(temp.Path, "outside")));
        Assert.Equal(before, Folders.FullSnapshot(Path.Combine(temp.Path, "dir")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path, ".dir*"));
    }

    [Fact]
    public void Given_a_link_where_the_import_writes_When_imported_by_the_command_Then_exit_1_the_error_line_and_that_the_folder_is_untouched()
    {
        using var temp = new TempFolder();
        LinkInto(temp, "ar");

        var run = Support.Cli.Run(temp.Path, "import", "doc.docx", "-o", "dir");

        Assert.Equal(1, run.ExitCode);
        var where = Path.Combine("dir", "ar");
        Assert.StartsWith($"{where}: error EB0931: {where} is a symbolic link (to {Path.Combine(temp.Path, "outside")}), where the import writes a folder of its own", run.Errors);
        Assert.EndsWith("1 error(s), 0 warning(s); nothing was written; dir is untouched.\n", run.Errors.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("Exception", run.Errors);
    }

    // A Word document, and an article folder whose `linked` folder is a link to a folder outside: the snapshots of both.
    private static (Dictionary<string, string> Outside, Dictionary<string, string> Before) LinkInto(TempFolder temp, string linked)
    {
        temp.File("doc.docx", Render.WordDocumentSiteTests.Document());
        temp.File("outside/keep.txt", "the user's file");
        temp.File("dir/article.yml", "title:\n  ar: عنوان\n");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(temp.Path, "dir", linked))!);
        File.CreateSymbolicLink(Path.Combine(temp.Path, "dir", linked), Path.Combine(temp.Path, "outside"));
        return (Folders.Snapshot(Path.Combine(temp.Path, "outside")), Folders.FullSnapshot(Path.Combine(temp.Path, "dir")));
    }
}

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
        temp.File("doc.docx", Render.WordDocumentSiteTests.Document());
        temp.File("outside/keep.txt", "the user's file");
        temp.File("dir/article.yml", "title:\n  ar: عنوان\n");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(temp.Path, "dir", linked))!);
        File.CreateSymbolicLink(Path.Combine(temp.Path, "dir", linked), Path.Combine(temp.Path, "outside"));
        var outside = Folders.Snapshot(Path.Combine(temp.Path, "outside"));
        var before = Folders.FullSnapshot(Path.Combine(temp.Path, "dir"));

        var run = Support.Cli.Run(temp.Path, "import", "doc.docx", "-o", "dir");

        Assert.Equal(1, run.ExitCode);
        var where = Path.Combine("dir", linked);
        Assert.StartsWith($"{where}: error EB0931: {where} is a symbolic link (to {Path.Combine(temp.Path, "outside")}), where the import writes a folder of its own", run.Errors);
        Assert.Contains("nothing was written; dir is untouched.", run.Errors);
        Assert.DoesNotContain("Exception", run.Errors);
        Assert.Equal(outside, Folders.Snapshot(Path.Combine(temp.Path, "outside")));
        Assert.Equal(before, Folders.FullSnapshot(Path.Combine(temp.Path, "dir")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path, ".dir*"));
    }
}

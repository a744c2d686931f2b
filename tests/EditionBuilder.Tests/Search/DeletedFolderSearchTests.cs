using EditionBuilder.Search;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Search;

/// <summary>Tests that run with the process's current folder deleted: they run alone, since while it is gone any other test that starts a program by name (Process.Start resolves the name against the current folder) would fail.</summary>
[CollectionDefinition(nameof(DeletedCurrentFolder), DisableParallelization = true)]
public sealed class DeletedCurrentFolder;

[Collection(nameof(DeletedCurrentFolder))]
public class DeletedFolderSearchTests
{
    // Skippable: without Pagefind (outside CI) RequirePagefind skips the test instead of failing it.
    [SkippableFact]
    public void Given_the_current_folder_deleted_When_the_site_is_indexed_Then_Pagefind_still_runs()
    {
        // Pagefind panics when its current folder is gone; it is started in its own folder.
        var tool = Tools.RequirePagefind();

        var files = Support.Cli.InDeletedFolder(() => new SearchIndex(tool).Build(
            [new SearchablePage("a/01.html", "<html lang=\"ar\" dir=\"rtl\"><body><main data-pagefind-body><p>نص البحث</p></main></body></html>")]));

        Assert.Contains(files, f => f.Path == SearchIndex.Folder + "pagefind-entry.json");
    }
}

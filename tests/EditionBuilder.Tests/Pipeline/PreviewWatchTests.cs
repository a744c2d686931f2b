using EditionBuilder.Pipeline;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Pipeline;

/// <summary>What <c>edition serve</c> watches (<see cref="PreviewWatch"/>): the content folder and a theme outside it, a change rebuilding after a pause, and a rebuild that throws handed on instead of ending the preview.</summary>
public class PreviewWatchTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public void Given_theme_layers_When_the_watched_folders_are_chosen_Then_the_content_comes_first_and_only_themes_outside_it_follow()
    {
        Assert.Equal(["content"], PreviewWatch.FoldersFor("content", ["/opt/templates"]));
        Assert.Equal(["content"], PreviewWatch.FoldersFor("content", ["/opt/templates", Path.Combine("content", "theme")]));
        Assert.Equal(["content", "my-theme"], PreviewWatch.FoldersFor("content", ["/opt/templates", "my-theme"]));
        Assert.Equal(["content", "content-theme"], PreviewWatch.FoldersFor("content", ["/opt/templates", "content-theme"]));
    }

    [Fact]
    public void Given_a_watch_When_a_file_changes_in_the_content_or_the_theme_Then_each_is_told_and_a_rebuild_follows()
    {
        using var temp = new TempFolder();
        var content = Directory.CreateDirectory(Path.Combine(temp.Path, "content")).FullName;
        var theme = Directory.CreateDirectory(Path.Combine(temp.Path, "theme")).FullName;
        var told = new System.Collections.Concurrent.ConcurrentQueue<(string Folder, FolderChange Change)>();
        // Each rebuild notes which changes it followed: a rebuild after a folder's change is one that ran once the change was told.
        var followed = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>();
        void Rebuild()
        {
            foreach (var (folder, change) in told) if (change == FolderChange.Changed) followed[folder] = true;
        }

        using var watch = new PreviewWatch(content, [Repo.Templates, theme], (f, c) => told.Enqueue((f, c)), Rebuild, e => Assert.Fail(e.ToString()));
        Assert.Equal([content, theme], watch.Watched);

        File.WriteAllText(Path.Combine(content, "edition.yml"), "title: x\n");
        Assert.True(SpinWait.SpinUntil(() => followed.ContainsKey(content), Patience), "no rebuild after a change in the content folder");
        File.WriteAllText(Path.Combine(theme, "page.html"), "<p>x</p>");
        Assert.True(SpinWait.SpinUntil(() => followed.ContainsKey(theme), Patience), "no rebuild after a change in the theme folder");
    }

    [Fact]
    public void Given_a_rebuild_that_throws_When_a_file_changes_Then_the_failure_is_handed_on_and_the_next_change_rebuilds_again()
    {
        using var temp = new TempFolder();
        var content = Directory.CreateDirectory(Path.Combine(temp.Path, "content")).FullName;
        using var failedOnce = new SemaphoreSlim(0);
        using var rebuilt = new SemaphoreSlim(0);
        var calls = 0;
        Exception? failure = null;

        using var watch = new PreviewWatch(content, [Repo.Templates], (_, _) => { },
            () =>
            {
                if (Interlocked.Increment(ref calls) == 1) throw new IOException("disk gone");
                rebuilt.Release();
            },
            e => { failure = e; failedOnce.Release(); });
        File.WriteAllText(Path.Combine(content, "a.md"), "a");

        Assert.True(failedOnce.Wait(Patience), "the failure was not handed on");
        Assert.Equal("disk gone", Assert.IsType<IOException>(failure).Message);
        File.WriteAllText(Path.Combine(content, "b.md"), "b");
        Assert.True(rebuilt.Wait(Patience), "no rebuild after the failed one");
    }
}

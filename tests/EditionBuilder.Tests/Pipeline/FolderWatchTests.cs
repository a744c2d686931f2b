using System.Collections.Concurrent;
using EditionBuilder.Pipeline;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Pipeline;

/// <summary>The preview's watch of the content folder survives the folder being removed and made again, or replaced by a rename: it says what happened and watches the folder now at the path.</summary>
public sealed class FolderWatchTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly BlockingCollection<FolderChange> _changes = new();

    private string Content => Path.Combine(_temp.Path, "c");

    public FolderWatchTests()
    {
        _temp.File("c/a.md", "first");
        _temp.File("keep/a.md", "kept copy");
    }

    public void Dispose()
    {
        _changes.Dispose();
        _temp.Dispose();
    }

    // The next change other than Changed (or null after the time), leaving Changed events out.
    private FolderChange? NextFolderEvent(TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        while (DateTime.UtcNow < deadline)
        {
            if (_changes.TryTake(out var change, TimeSpan.FromMilliseconds(50)) && change != FolderChange.Changed) return change;
        }

        return null;
    }

    private bool SeesChange(Action edit, int seconds = 10)
    {
        while (_changes.TryTake(out _)) { }
        edit();
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (_changes.TryTake(out var change, TimeSpan.FromMilliseconds(50)) && change == FolderChange.Changed) return true;
        }

        return false;
    }

    [Fact]
    public void Given_a_watched_folder_removed_and_copied_back_Then_it_says_vanished_then_returned_and_hears_edits_in_the_new_folder()
    {
        using var watch = new FolderWatch(Content, _changes.Add);
        Assert.True(SeesChange(() => File.WriteAllText(Path.Combine(Content, "a.md"), "edited")));

        Directory.Delete(Content, recursive: true);
        Assert.Equal(FolderChange.Vanished, NextFolderEvent(TimeSpan.FromSeconds(10)));
        Assert.False(watch.Present);
        Folders.Copy(Path.Combine(_temp.Path, "keep"), Content);
        Assert.Equal(FolderChange.Returned, NextFolderEvent(TimeSpan.FromSeconds(10)));

        Assert.True(watch.Present);
        Assert.True(SeesChange(() => File.WriteAllText(Path.Combine(Content, "a.md"), "edited after the copy")));
    }

    [Fact]
    public void Given_a_watched_folder_renamed_away_and_another_renamed_into_place_Then_it_watches_the_new_one_only()
    {
        Folders.Copy(Path.Combine(_temp.Path, "keep"), Path.Combine(_temp.Path, "c.new"));
        using var watch = new FolderWatch(Content, _changes.Add);

        Directory.Move(Content, Path.Combine(_temp.Path, "c.old"));
        Directory.Move(Path.Combine(_temp.Path, "c.new"), Content);

        // Vanished then Returned, or Returned alone when the second rename came before the first was looked at.
        var first = NextFolderEvent(TimeSpan.FromSeconds(10));
        if (first == FolderChange.Vanished) first = NextFolderEvent(TimeSpan.FromSeconds(10));
        Assert.Equal(FolderChange.Returned, first);
        Assert.True(watch.Present);
        Assert.False(SeesChange(() => File.WriteAllText(Path.Combine(_temp.Path, "c.old", "a.md"), "the old folder, no longer served"), seconds: 2));
        Assert.True(SeesChange(() => File.WriteAllText(Path.Combine(Content, "a.md"), "the folder now served")));
    }

    [Fact]
    public void Given_a_watched_folder_that_does_not_exist_yet_When_it_is_made_Then_it_returns()
    {
        Directory.Delete(Content, recursive: true);
        using var watch = new FolderWatch(Content, _changes.Add);
        Assert.False(watch.Present);

        Directory.CreateDirectory(Content);

        Assert.Equal(FolderChange.Returned, NextFolderEvent(TimeSpan.FromSeconds(10)));
        Assert.True(SeesChange(() => File.WriteAllText(Path.Combine(Content, "b.md"), "new")));
    }
}

using System.Diagnostics;
using EditionBuilder.Output;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Output;

/// <summary>The spare copy of a site (<c>.site.spare</c>): kept by a cached rebuild instead of deleted, brought up to date by hard links, staged into by the next build. Whatever happens to it, the next build's site is the clean build's, and nothing outside it is touched.</summary>
public class SpareFolderTests
{
    private const int KilledExitCode = 128 + 9;

    private static string Site(TempFolder temp) => Path.Combine(temp.Path, "site");

    private static string Spare(TempFolder temp) => Path.Combine(temp.Path, ".site.spare");

    private static Support.Cli.Result Build(TempFolder temp) =>
        Support.Cli.Run(temp.Path, "build", "content", "-o", "site", "--cache", "cache", "--precompress", "none");

    private static (int Exit, string Output, string Errors) BuildKilledAt(TempFolder temp, string step) =>
        EditionProcess.Run(temp.Path, new Dictionary<string, string> { ["EDITION_TEST_CRASH_AT"] = step }, "build", "content", "-o", "site", "--cache", "cache", "--precompress", "none");

    // A journal built twice with the cache: the second build keeps the first site as the spare.
    private static TempFolder BuiltTwice()
    {
        var temp = new TempFolder();
        var content = Path.Combine(temp.Path, "content");
        SmallEdition.WriteTo(content);
        Folders.Copy(Path.Combine(content, "small"), Path.Combine(content, "second"));
        Assert.Equal(0, Build(temp).ExitCode);
        Assert.False(Directory.Exists(Spare(temp)), "no spare before the cache knows the site's stamps");
        Assert.Equal(0, Build(temp).ExitCode);
        Assert.True(Directory.Exists(Spare(temp)));
        return temp;
    }

    private static void AppendToChapter(TempFolder temp, string text) =>
        File.AppendAllText(Path.Combine(temp.Path, "content", "second", "ar", "02-alkhatma.md"), $"\n{text}\n");

    private static Dictionary<string, string> CleanBuild(TempFolder temp)
    {
        var clean = Path.Combine(temp.Path, "clean");
        if (Directory.Exists(clean)) Directory.Delete(clean, recursive: true);
        var run = Support.Cli.Run(temp.Path, "build", "content", "-o", "clean", "--no-cache", "--precompress", "none");
        Assert.True(run.ExitCode == 0, run.Errors);
        return Folders.Snapshot(clean);
    }

    private static ulong Inode(string path) => Files.NativeFiles.Stat(path).Inode;

    [Fact]
    public void Given_entries_whose_names_are_not_text_put_in_the_spare_When_rebuilt_Then_none_reaches_the_site_and_a_link_out_is_not_followed()
    {
        // Found by an attack: the spare's walk deleted such an entry by a path that cannot name it, so it stayed, and the swap published it.
        using var temp = BuiltTwice();
        var outside = temp.File("outside/keep.txt", "the user's own file");
        FolderListingTests.MakeUnnamed(Spare(temp), "ln -s ../outside \"$(printf 'etc\\377')\"; printf x > \"$(printf 'junk\\377.html')\"; mkdir \"$(printf 'dir\\377')\"; printf y > \"$(printf 'dir\\377')/evil.html\"");

        AppendToChapter(temp, "فقرة أضيفت.");
        var rebuilt = Build(temp);

        Assert.True(rebuilt.ExitCode == 0, rebuilt.Errors);
        Assert.Equal(CleanBuild(temp), Folders.FullSnapshot(Site(temp)).Where(e => e.Value != "folder" && e.Key != OutputGuard.SiteMarker).ToDictionary());
        Assert.DoesNotContain(Files.FolderListing.List(Site(temp))!, e => e.RawName is not null);
        Assert.DoesNotContain(Files.FolderListing.List(Spare(temp))!, e => e.RawName is not null);
        Assert.Equal("the user's own file", File.ReadAllText(outside));
    }

    [Fact]
    public void Given_a_rebuild_with_the_cache_Then_the_spare_holds_the_live_files_by_hard_link_and_the_edit_replaced_only_what_changed()
    {
        using var temp = BuiltTwice();
        var page = Path.Combine("small", "01-almqdma.html");
        var edited = Path.Combine("second", "02-alkhatma.html");
        var before = Inode(Path.Combine(Site(temp), page));

        AppendToChapter(temp, "فقرة أضيفت.");
        var rebuilt = Build(temp);

        Assert.True(rebuilt.ExitCode == 0, rebuilt.Errors);
        Assert.Equal(CleanBuild(temp), Folders.Snapshot(Site(temp)));
        // The unchanged page is the same file as before the rebuild; the spare holds it and the edited page by link, nothing else.
        Assert.Equal(before, Inode(Path.Combine(Site(temp), page)));
        Assert.Equal(Inode(Path.Combine(Site(temp), page)), Inode(Path.Combine(Spare(temp), page)));
        Assert.Equal(Inode(Path.Combine(Site(temp), edited)), Inode(Path.Combine(Spare(temp), edited)));
        Assert.Equal(
            Folders.Snapshot(Site(temp)).Keys.Order(StringComparer.Ordinal),
            Folders.Snapshot(Spare(temp)).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Given_a_spare_tampered_with_When_rebuilt_Then_the_site_is_the_clean_build_and_nothing_outside_is_touched()
    {
        using var temp = BuiltTwice();
        var outside = temp.File("outside/keep.txt", "the user's own file");
        // Written through the live site in place: the spare shares the file, so it changes too.
        var page = Path.Combine(Site(temp), "second", "01-almqdma.html");
        var bytes = File.ReadAllBytes(page);
        bytes[^10] ^= 0x20;
        File.WriteAllBytes(page, bytes);
        File.WriteAllText(Path.Combine(Spare(temp), "second", "planted.html"), "<p>not built</p>");
        File.CreateSymbolicLink(Path.Combine(Spare(temp), "second", "link.html"), outside);
        File.Delete(Path.Combine(Spare(temp), "small", "index.html"));
        Directory.CreateDirectory(Path.Combine(Spare(temp), "empty", "folder"));
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(Spare(temp), "small", "pipe"))) mkfifo.WaitForExit();

        AppendToChapter(temp, "فقرة أضيفت.");
        var rebuilt = Build(temp);

        Assert.True(rebuilt.ExitCode == 0, rebuilt.Errors);
        Assert.Equal(CleanBuild(temp), Folders.FullSnapshot(Site(temp)).Where(e => e.Value != "folder" && e.Key != OutputGuard.SiteMarker).ToDictionary());
        Assert.DoesNotContain(Folders.FullSnapshot(Site(temp)).Keys, k => k.StartsWith("empty", StringComparison.Ordinal));
        Assert.Equal("the user's own file", File.ReadAllText(outside));
    }

    [Fact]
    public void Given_a_spare_that_is_a_link_or_a_file_When_rebuilt_Then_it_is_removed_not_followed()
    {
        using var temp = BuiltTwice();
        Directory.Delete(Spare(temp), recursive: true);
        var elsewhere = Path.Combine(temp.Path, "elsewhere");
        temp.File("elsewhere/index.html", "the user's page");
        Directory.CreateSymbolicLink(Spare(temp), elsewhere);

        AppendToChapter(temp, "فقرة أولى.");
        Assert.Equal(0, Build(temp).ExitCode);

        Assert.Equal("the user's page", File.ReadAllText(Path.Combine(elsewhere, "index.html")));
        Assert.Equal(CleanBuild(temp), Folders.Snapshot(Site(temp)));

        Directory.Delete(Spare(temp), recursive: true);
        File.WriteAllText(Spare(temp), "a file where the spare goes");
        AppendToChapter(temp, "فقرة ثانية.");
        Assert.Equal(0, Build(temp).ExitCode);
        Assert.Equal(CleanBuild(temp), Folders.Snapshot(Site(temp)));
    }

    [Fact]
    public void Given_a_failed_build_that_staged_into_the_spare_Then_the_site_is_untouched_and_the_next_build_is_right()
    {
        using var temp = BuiltTwice();
        var site = Folders.Snapshot(Site(temp));
        AppendToChapter(temp, "فقرة جديدة.");
        AppendToChapter(temp, "إحالة بلا ملاحظة[^9].");

        Assert.Equal(1, Build(temp).ExitCode);
        Assert.Equal(site, Folders.Snapshot(Site(temp)));

        var chapter = Path.Combine(temp.Path, "content", "second", "ar", "02-alkhatma.md");
        File.WriteAllText(chapter, File.ReadAllText(chapter).Replace("إحالة بلا ملاحظة[^9].", string.Empty, StringComparison.Ordinal));
        var fixedBuild = Build(temp);
        Assert.True(fixedBuild.ExitCode == 0, fixedBuild.Errors);
        Assert.Equal(CleanBuild(temp), Folders.Snapshot(Site(temp)));
    }

    [Theory]
    [InlineData("swap-ready")]
    [InlineData("swap-exchanged")]
    [InlineData("spare-sync")]
    public void Given_a_build_staging_into_the_spare_killed_at_a_step_Then_the_site_is_the_old_or_the_new_and_the_next_build_is_right(string step)
    {
        using var temp = BuiltTwice();
        var old = Folders.Snapshot(Site(temp));
        AppendToChapter(temp, "فقرة أضيفت قبل القتل.");
        var fresh = CleanBuild(temp);

        var killed = BuildKilledAt(temp, step);

        Assert.True(killed.Exit == KilledExitCode, $"expected the process killed at {step}, got exit {killed.Exit}: {killed.Errors}");
        var after = Folders.Snapshot(Site(temp));
        Assert.True(after.SequenceEqual(old) || after.SequenceEqual(fresh), $"after a kill at {step} the site is neither the old nor the new one");
        AppendToChapter(temp, "وفقرة بعده.");
        var next = Build(temp);
        Assert.True(next.ExitCode == 0, next.Errors);
        Assert.Equal(CleanBuild(temp), Folders.Snapshot(Site(temp)));
        var again = Build(temp);
        Assert.True(again.ExitCode == 0, again.Errors);
        Assert.Equal(CleanBuild(temp), Folders.Snapshot(Site(temp)));
    }

    [Fact]
    public void Given_a_build_without_the_cache_Then_the_spare_is_removed()
    {
        using var temp = BuiltTwice();

        var run = Support.Cli.Run(temp.Path, "build", "content", "-o", "site", "--no-cache", "--precompress", "none");

        Assert.Equal(0, run.ExitCode);
        Assert.False(Path.Exists(Spare(temp)));
        Assert.Equal(CleanBuild(temp), Folders.Snapshot(Site(temp)));
    }

    [Fact]
    public async Task Given_three_builds_of_the_same_site_at_once_Then_one_takes_the_spare_and_each_swaps_in_a_whole_site()
    {
        using var temp = BuiltTwice();
        AppendToChapter(temp, "فقرة أضيفت قبل البناءين.");
        var fresh = CleanBuild(temp);
        string[] build = ["build", "content", "-o", "site", "--cache", "cache", "--precompress", "none"];

        var runs = Enumerable.Range(0, 3).Select(_ => EditionProcess.Start(temp.Path, null, build)).ToList();
        var results = runs.Select(p => (Output: p.StandardOutput.ReadToEndAsync(), Errors: p.StandardError.ReadToEndAsync())).ToList();
        foreach (var run in runs) await run.WaitForExitAsync();

        for (var i = 0; i < runs.Count; i++) Assert.True(runs[i].ExitCode == 0, await results[i].Errors);
        Assert.Equal(fresh, Folders.Snapshot(Site(temp)));
        AppendToChapter(temp, "وفقرة بعدهما.");
        var next = Build(temp);
        Assert.True(next.ExitCode == 0, next.Errors);
        Assert.Equal(CleanBuild(temp), Folders.Snapshot(Site(temp)));
        foreach (var run in runs) run.Dispose();
    }
}

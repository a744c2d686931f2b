using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Cli;

/// <summary>Incremental builds: an edit re-renders only the article it touches and re-processes only the pages whose HTML changed; a template change rebuilds everything; the result is always byte for byte a clean build's.</summary>
public class IncrementalBuildTests
{
    private static void WriteJournal(string content)
    {
        SmallEdition.WriteTo(content);
        foreach (var name in new[] { "second", "third" }) Folders.Copy(Path.Combine(content, "small"), Path.Combine(content, name));
    }

    private static FolderBuilds.Built Build(TempFolder temp, string templates) =>
        FolderBuilds.Run(Path.Combine(temp.Path, "content"), Path.Combine(temp.Path, "site"), templates, Path.Combine(temp.Path, "cache"));

    private static FolderBuilds.Built CleanBuild(TempFolder temp) =>
        FolderBuilds.Run(Path.Combine(temp.Path, "content"), Path.Combine(temp.Path, "clean-site"));

    // The render stage's "N article(s) rendered, M unchanged".
    private static (int Rendered, int Unchanged) Rendered(FolderBuilds.Built built) =>
        (built.Build.ArticlesRendered, built.Build.Articles - built.Build.ArticlesRendered);

    [Fact]
    public void Given_a_built_journal_When_one_chapter_is_edited_Then_only_its_article_renders_and_the_site_equals_a_clean_build()
    {
        using var temp = new TempFolder();
        WriteJournal(Path.Combine(temp.Path, "content"));
        var first = Build(temp, Repo.Templates);
        Assert.True(first.Succeeded, first.Said);
        Assert.Equal((3, 0), Rendered(first));
        Assert.Equal(0, first.Build.ReusedMinified);
        var minifiable = first.Build.Minified;
        Assert.True(minifiable > 2);

        var unchanged = Build(temp, Repo.Templates);
        Assert.Equal((0, 3), Rendered(unchanged));
        // The minifier's count is of the files it would take, made or reused: the same number on every build.
        Assert.Equal((0, minifiable), (unchanged.Build.Minified, unchanged.Build.ReusedMinified));
        // Precompressed copies come from the cache with their pages: none was compressed again.
        Assert.Equal(0, unchanged.Build.CompressedNow);
        Assert.True(unchanged.Build.Compressed > 0);

        var chapter = Path.Combine(temp.Path, "content", "second", "ar", "02-alkhatma.md");
        File.WriteAllText(chapter, File.ReadAllText(chapter).Replace("خاتمة[^2].", "خاتمة منقحة[^2].", StringComparison.Ordinal));
        var index = Folders.Snapshot(Path.Combine(temp.Path, "site", "search"));
        var edited = Build(temp, Repo.Templates);
        var indexChanged = Folders.Snapshot(Path.Combine(temp.Path, "site", "search")).Count(f => f.Key.EndsWith(".js", StringComparison.Ordinal) && index.GetValueOrDefault(f.Key) != f.Value);

        Assert.True(edited.Succeeded, edited.Said);
        Assert.Equal((1, 2), Rendered(edited));
        // The edited chapter and the full text change; the article's other pages come from the cache.
        Assert.Equal((2, minifiable - 2), (edited.Build.Minified, edited.Build.ReusedMinified));
        // Those two pages, the article's JATS file (which holds the text) and the search index's files the edit changed
        // (the chapter's fragment, the chunks of its words, the manifest) are compressed again, nothing else.
        Assert.InRange(indexChanged, 2, 10);
        Assert.Equal(3 + indexChanged, edited.Build.CompressedNow);
        Assert.True(edited.Build.Compressed - edited.Build.CompressedNow > 0);
        Assert.Contains("خاتمة منقحة", File.ReadAllText(Path.Combine(temp.Path, "site", "second", "02-alkhatma.html")));

        var clean = CleanBuild(temp);
        Assert.True(clean.Succeeded, clean.Said);
        Assert.Equal(Folders.Snapshot(Path.Combine(temp.Path, "clean-site")), Folders.Snapshot(Path.Combine(temp.Path, "site")));
    }

    [Fact]
    public void Given_a_built_journal_When_a_template_changes_Then_every_article_is_rendered_again()
    {
        using var temp = new TempFolder();
        WriteJournal(Path.Combine(temp.Path, "content"));
        var templates = Path.Combine(temp.Path, "templates");
        Folders.Copy(Repo.Templates, templates);

        Assert.True(Build(temp, templates).Succeeded);
        File.AppendAllText(Path.Combine(templates, "chapter.html"), "\n<p class=\"colophon\">EditionBuilder</p>\n");
        var rebuilt = Build(temp, templates);

        Assert.Equal((3, 0), Rendered(rebuilt));
        Assert.Contains("colophon", File.ReadAllText(Path.Combine(temp.Path, "site", "third", "01-almqdma.html")));
    }

    [Fact]
    public void Given_a_damaged_cache_When_built_Then_the_damaged_entries_are_made_again_and_the_site_is_right()
    {
        using var temp = new TempFolder();
        WriteJournal(Path.Combine(temp.Path, "content"));
        Assert.True(Build(temp, Repo.Templates).Succeeded);
        // Cut short, cut at the end, and a broken facts record (JSON is the entry's last part), in turn over every entry: which
        // entries come first by name depends on their keys, and the first six were once all files the minifier never takes.
        var entries = Directory.EnumerateFiles(Path.Combine(temp.Path, "cache"), "*.page", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.True(entries.Count > 6);
        for (var i = 0; i < entries.Count; i++)
        {
            var bytes = File.ReadAllBytes(entries[i]);
            File.WriteAllBytes(entries[i], (i % 3) switch
            {
                0 => bytes[..10],
                1 => bytes[..^5],
                _ => [.. bytes[..^1], (byte)'x'],
            });
        }

        // Without the last site to link from, every page comes from the cache, damaged entries included.
        Directory.Delete(Path.Combine(temp.Path, "site"), recursive: true);

        var rebuilt = Build(temp, Repo.Templates);

        Assert.True(rebuilt.Succeeded, rebuilt.Said);
        Assert.True(rebuilt.Build.Minified > 0);
        var clean = CleanBuild(temp);
        Assert.Equal(Folders.Snapshot(Path.Combine(temp.Path, "clean-site")), Folders.Snapshot(Path.Combine(temp.Path, "site")));
        Assert.True(clean.Succeeded, clean.Said);
    }

    [Fact]
    public void Given_a_built_site_altered_or_missing_files_When_rebuilt_Then_they_are_restored_and_never_linked_as_they_are()
    {
        using var temp = new TempFolder();
        WriteJournal(Path.Combine(temp.Path, "content"));
        Assert.True(Build(temp, Repo.Templates).Succeeded);
        var clean = Folders.Snapshot(Path.Combine(temp.Path, "site"));
        var altered = Path.Combine(temp.Path, "site", "second", "01-almqdma.html");
        var bytes = File.ReadAllBytes(altered);
        bytes[^10] ^= 0x20; // same length, other bytes, a new modification time
        File.WriteAllBytes(altered, bytes);
        File.Delete(Path.Combine(temp.Path, "site", "third", "index.html"));

        var rebuilt = Build(temp, Repo.Templates);

        Assert.True(rebuilt.Succeeded, rebuilt.Said);
        Assert.Equal((0, 3), Rendered(rebuilt));
        Assert.Equal(clean, Folders.Snapshot(Path.Combine(temp.Path, "site")));
    }
}

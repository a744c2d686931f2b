using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using EditionBuilder.Cache;
using EditionBuilder.Pipeline;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Pipeline;

/// <summary>Every cache entry is sealed with a SHA-256 of its kind, key and bytes: an entry edited by hand (the article index, the last site's stamps) is a miss, never a wrong page; a cache that cannot be written gives one warning and a right site.</summary>
public class BuildCacheTests
{
    private static void WriteJournal(string content)
    {
        SmallEdition.WriteTo(content);
        foreach (var name in new[] { "second", "third" }) Folders.Copy(Path.Combine(content, "small"), Path.Combine(content, name));
    }

    // The articles' entries only (the search index has its own).
    private static FolderBuilds.Built Build(TempFolder temp, string cache = "cache") =>
        FolderBuilds.Run(Path.Combine(temp.Path, "content"), Path.Combine(temp.Path, "site"), cache: Path.Combine(temp.Path, cache), search: FolderBuilds.NoSearch);

    private static Dictionary<string, string> CleanBuild(TempFolder temp)
    {
        var clean = FolderBuilds.Run(Path.Combine(temp.Path, "content"), Path.Combine(temp.Path, "clean-site"), search: FolderBuilds.NoSearch);
        Assert.True(clean.Succeeded, clean.Said);
        return Folders.Snapshot(Path.Combine(temp.Path, "clean-site"));
    }

    // The render stage's "N article(s) rendered, M unchanged".
    private static (int Rendered, int Unchanged) Rendered(FolderBuilds.Built built) =>
        (built.Build.ArticlesRendered, built.Build.Articles - built.Build.ArticlesRendered);

    // A sealed entry is one header line, then its bytes: returns both, and writes them back.
    private static (string Header, string Body) ReadEntry(string path)
    {
        var text = File.ReadAllText(path);
        var newline = text.IndexOf('\n');
        Assert.StartsWith("edition-cache ", text);
        return (text[..(newline + 1)], text[(newline + 1)..]);
    }

    // The article index (articles' entries and article keys in one sealed file).
    private static string IndexOf(TempFolder temp) =>
        Directory.GetFiles(Path.Combine(temp.Path, "cache"), "articles.index", SearchOption.AllDirectories).Single();

    [Fact]
    public void Given_the_article_index_edited_by_hand_When_rebuilt_Then_its_articles_are_misses_and_the_site_equals_a_clean_build()
    {
        using var temp = new TempFolder();
        WriteJournal(Path.Combine(temp.Path, "content"));
        Assert.True(Build(temp).Succeeded);
        var index = IndexOf(temp);

        // An article gets another title of the same length in its summary.
        var entry = File.ReadAllBytes(index);
        var title = Encoding.ASCII.GetBytes(System.Text.Json.JsonSerializer.Serialize("مقال صغير").Trim('"'));
        var forged = Encoding.ASCII.GetBytes(System.Text.Json.JsonSerializer.Serialize("عنوان زور").Trim('"'));
        var at = entry.AsSpan().IndexOf(title);
        Assert.True(at > 0, "the title is in an entry's summary");
        forged.CopyTo(entry, at);
        File.WriteAllBytes(index, entry);

        var rebuilt = Build(temp);

        Assert.True(rebuilt.Succeeded, rebuilt.Said);
        Assert.Equal((3, 0), Rendered(rebuilt));
        Assert.DoesNotContain(Directory.EnumerateFiles(Path.Combine(temp.Path, "site"), "*.html", SearchOption.AllDirectories), f => File.ReadAllText(f).Contains("عنوان زور", StringComparison.Ordinal));
        Assert.Equal(CleanBuild(temp), Folders.Snapshot(Path.Combine(temp.Path, "site")));
        Assert.Equal((0, 3), Rendered(Build(temp))); // the index written again by that build
    }

    [SkippableTheory]
    [InlineData("articles.index", "fifo")]
    [InlineData("articles.index", "link to /dev/zero")]
    [InlineData("articles.index", "link to another index")]
    [InlineData("output.stamps", "fifo")]
    [InlineData("output.stamps", "link to /dev/zero")]
    public void Given_something_other_than_a_file_where_a_cache_file_goes_When_rebuilt_Then_it_is_not_read_and_the_site_is_right(string file, string what)
    {
        Skip.If(what == "fifo" && !File.Exists("/usr/bin/mkfifo"), "mkfifo (Debian coreutils) is needed to make a FIFO");
        using var temp = new TempFolder();
        WriteJournal(Path.Combine(temp.Path, "content"));
        Assert.True(Build(temp).Succeeded);
        var index = Directory.GetFiles(Path.Combine(temp.Path, "cache"), file, SearchOption.AllDirectories).Single();
        var other = Path.Combine(temp.Path, "other.index");
        File.Move(index, other);
        switch (what)
        {
            case "fifo":
                using (var mkfifo = Process.Start("mkfifo", index)) mkfifo.WaitForExit();
                break;
            case "link to /dev/zero":
                File.CreateSymbolicLink(index, "/dev/zero");
                break;
            default:
                File.CreateSymbolicLink(index, other); // even an index that is right is not read through a link
                break;
        }

        var clock = Stopwatch.StartNew();
        var rebuilt = Build(temp);

        Assert.True(rebuilt.Succeeded, rebuilt.Said);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "a FIFO or a device would never end");
        if (file == "articles.index") Assert.Equal((3, 0), Rendered(rebuilt));
        Assert.Equal(CleanBuild(temp), Folders.Snapshot(Path.Combine(temp.Path, "site")));
        Assert.True(File.Exists(index) && !new FileInfo(index).Attributes.HasFlag(FileAttributes.ReparsePoint), "the build wrote its own index in the link's place");
        Assert.Equal((0, 3), Rendered(Build(temp)));
    }

    [Fact]
    public void Given_article_keys_swapped_in_the_index_When_rebuilt_Then_they_are_misses_and_the_site_is_right()
    {
        using var temp = new TempFolder();
        WriteJournal(Path.Combine(temp.Path, "content"));
        Assert.True(Build(temp).Succeeded);
        var index = IndexOf(temp);
        var bytes = File.ReadAllBytes(index);
        // After the seal's line: "EBX1", the number of folder stamps (3), then each stamp's key and its article's key, 32 bytes each.
        var first = Array.IndexOf(bytes, (byte)'\n') + 1 + 4 + 1;
        Assert.Equal("EBX1", Encoding.ASCII.GetString(bytes, first - 5, 4));
        Assert.Equal(3, bytes[first - 1]);
        var (one, two) = (first + 32, first + 64 + 32);
        var key = bytes[one..(one + 32)];
        bytes.AsSpan(two, 32).CopyTo(bytes.AsSpan(one));
        key.CopyTo(bytes, two);
        File.WriteAllBytes(index, bytes);

        var rebuilt = Build(temp);

        Assert.True(rebuilt.Succeeded, rebuilt.Said);
        Assert.Equal(CleanBuild(temp), Folders.Snapshot(Path.Combine(temp.Path, "site")));
    }

    [Fact]
    public void Given_a_chapter_rewritten_with_its_old_size_and_time_When_rebuilt_Then_the_page_shows_the_new_text()
    {
        using var temp = new TempFolder();
        WriteJournal(Path.Combine(temp.Path, "content"));
        Assert.True(Build(temp).Succeeded);
        var chapter = Path.Combine(temp.Path, "content", "second", "ar", "01-almqdma.md");
        var time = File.GetLastWriteTimeUtc(chapter);
        var text = File.ReadAllText(chapter);
        Assert.Contains("نص أول", text);

        // What a copy with its time kept (cp -p, rsync -t, unpacking an archive) does: same size, same time, other words.
        var replacement = chapter + ".new";
        File.WriteAllText(replacement, text.Replace("نص أول", "نص آخر", StringComparison.Ordinal));
        Assert.Equal(new FileInfo(chapter).Length, new FileInfo(replacement).Length);
        File.SetLastWriteTimeUtc(replacement, time);
        File.Move(replacement, chapter, overwrite: true);
        Assert.Equal(time, File.GetLastWriteTimeUtc(chapter));

        var rebuilt = Build(temp);

        Assert.True(rebuilt.Succeeded, rebuilt.Said);
        Assert.Equal((1, 2), Rendered(rebuilt));
        Assert.Contains("نص آخر", File.ReadAllText(Path.Combine(temp.Path, "site", "second", "01-almqdma.html")));
        Assert.Equal(CleanBuild(temp), Folders.Snapshot(Path.Combine(temp.Path, "site")));
    }

    [Fact]
    public void Given_article_yml_unchanged_since_the_last_build_When_rebuilt_Then_what_it_said_comes_from_the_cache_and_the_site_equals_a_clean_build()
    {
        using var temp = new TempFolder();
        WriteJournal(Path.Combine(temp.Path, "content"));
        // Every field article.yml can give, so the cache's copy is checked against a fresh read of each.
        File.WriteAllText(Path.Combine(temp.Path, "content", "second", "article.yml"), Jats.JatsArticles.JournalArticle);
        Assert.True(Build(temp).Succeeded);
        // A new chapter in every article: each is made again from what its unchanged article.yml said, remembered by the cache.
        foreach (var article in new[] { "small", "second", "third" })
        {
            File.AppendAllText(Path.Combine(temp.Path, "content", article, "ar", "02-alkhatma.md"), "\nسطر جديد.\n");
        }

        var rebuilt = Build(temp);

        Assert.True(rebuilt.Succeeded, rebuilt.Said);
        Assert.Equal((3, 0), Rendered(rebuilt));
        Assert.Equal(CleanBuild(temp), Folders.Snapshot(Path.Combine(temp.Path, "site")));
    }

    [Fact]
    public void Given_article_yml_with_a_warning_When_built_twice_with_the_cache_Then_both_builds_give_the_warning()
    {
        using var temp = new TempFolder();
        WriteJournal(Path.Combine(temp.Path, "content"));
        var metadata = Path.Combine(temp.Path, "content", "second", "article.yml");
        File.AppendAllText(metadata, "journal: \"\u202Bمجلة ملصوقة من وورد\u202C\"\n"); // right-to-left embedding, as Word leaves it

        var first = Build(temp);
        var second = Build(temp);

        Assert.True(first.Succeeded, first.Said);
        Assert.True(second.Succeeded, second.Said);
        Assert.Contains(first.Diagnostics.Items, d => d is { Severity: EditionBuilder.Diagnostics.Severity.Warning, Line: 5, Column: 10 } && d.Path == metadata && d.Code.StartsWith("EB", StringComparison.Ordinal));
        Assert.Equal(first.Diagnostics.Items, second.Diagnostics.Items);
    }

    [Fact]
    public void Given_nothing_changed_When_rebuilt_Then_the_cache_files_are_not_written_again_and_an_edit_writes_them()
    {
        using var temp = new TempFolder();
        WriteJournal(Path.Combine(temp.Path, "content"));
        Assert.True(Build(temp).Succeeded);
        Assert.True(Build(temp).Succeeded); // the second build leaves the spare copy of the site
        var files = new[] { "articles.index", "output.stamps" }.Select(name => Directory.GetFiles(Path.Combine(temp.Path, "cache"), name, SearchOption.AllDirectories).Single()).ToList();
        var written = files.Select(File.GetLastWriteTimeUtc).ToList();
        Thread.Sleep(20);

        Assert.Equal((0, 3), Rendered(Build(temp)));
        Assert.Equal(written, files.Select(File.GetLastWriteTimeUtc).ToList());

        File.AppendAllText(Path.Combine(temp.Path, "content", "third", "ar", "02-alkhatma.md"), "\nسطر جديد.\n");
        Assert.Equal((1, 2), Rendered(Build(temp)));
        Assert.All(files, f => Assert.NotEqual(written[files.IndexOf(f)], File.GetLastWriteTimeUtc(f)));
        Assert.Equal((0, 3), Rendered(Build(temp)));
        Assert.Equal(CleanBuild(temp), Folders.Snapshot(Path.Combine(temp.Path, "site")));
    }

    [Fact]
    public void Given_an_altered_site_page_and_the_site_stamps_edited_to_vouch_for_it_When_rebuilt_Then_the_page_is_restored()
    {
        using var temp = new TempFolder();
        WriteJournal(Path.Combine(temp.Path, "content"));
        Assert.True(Build(temp).Succeeded);
        var page = Path.Combine(temp.Path, "site", "second", "01-almqdma.html");
        var bytes = File.ReadAllBytes(page);
        bytes[^10] ^= 0x20; // same length, other bytes
        File.WriteAllBytes(page, bytes);
        // The stamps now claim the altered file is the one the last build left: only the seal tells.
        var record = Directory.GetFiles(Path.Combine(temp.Path, "cache"), "output.stamps", SearchOption.AllDirectories).Single();
        var entry = File.ReadAllBytes(record);
        var body = Array.IndexOf(entry, (byte)'\n') + 1;
        var stamps = OutputStamps.Read(entry[body..]);
        Assert.NotNull(stamps);
        stamps["second/01-almqdma.html"] = stamps["second/01-almqdma.html"] with { ModifiedTicks = File.GetLastWriteTimeUtc(page).Ticks };
        File.WriteAllBytes(record, [.. entry[..body], .. OutputStamps.Write(stamps)]);

        var rebuilt = Build(temp);

        Assert.True(rebuilt.Succeeded, rebuilt.Said);
        Assert.Equal(CleanBuild(temp), Folders.Snapshot(Path.Combine(temp.Path, "site")));
    }

    [Fact]
    public void Given_a_cache_folder_that_cannot_be_made_When_built_Then_one_warning_and_the_site_equals_a_clean_build()
    {
        using var temp = new TempFolder();
        WriteJournal(Path.Combine(temp.Path, "content"));
        temp.File("blocked", "a file where the cache folder would go");

        var built = Build(temp, cache: "blocked/cache");

        Assert.True(built.Succeeded, built.Said);
        var warning = Assert.Single(built.Diagnostics.Items);
        Assert.Equal((EditionBuilder.Diagnostics.Severity.Warning, "EB0900", Path.Combine(temp.Path, "blocked")), (warning.Severity, warning.Code, warning.Path));
        Assert.StartsWith("the build cache cannot be written (a file is where a folder should be); this build goes on without it", warning.Message);
        Assert.Equal(CleanBuild(temp), Folders.Snapshot(Path.Combine(temp.Path, "site")));
        Assert.Equal("a file where the cache folder would go", File.ReadAllText(Path.Combine(temp.Path, "blocked")));
    }

    [Fact]
    public void Given_a_folder_where_the_article_index_goes_When_built_Then_one_warning_names_that_file_and_the_site_equals_a_clean_build()
    {
        using var temp = new TempFolder();
        WriteJournal(Path.Combine(temp.Path, "content"));
        Assert.True(Build(temp).Succeeded);
        var index = IndexOf(temp);
        File.Delete(index);
        Directory.CreateDirectory(Path.Combine(index, "in-the-way"));
        File.AppendAllText(Path.Combine(temp.Path, "content", "second", "article.yml"), "volume: 9\n"); // so the index has a new entry to write

        var rebuilt = Build(temp);

        Assert.True(rebuilt.Succeeded, rebuilt.Said);
        var warning = Assert.Single(rebuilt.Diagnostics.Items);
        Assert.Matches(@"^cache/[0-9a-f]{12}/articles\.index$", Path.GetRelativePath(temp.Path, warning.Path));
        Assert.Equal((EditionBuilder.Diagnostics.Severity.Warning, "EB0900", index), (warning.Severity, warning.Code, warning.Path));
        Assert.StartsWith("the build cache cannot be written (Is a directory); this build goes on without it", warning.Message);
        Assert.Equal(CleanBuild(temp), Folders.Snapshot(Path.Combine(temp.Path, "site")));
        Assert.True(Directory.Exists(Path.Combine(index, "in-the-way")), "the folder in the way is left as it was");
    }

    [SkippableFact]
    public void Given_a_full_disk_under_the_cache_When_built_Then_one_warning_and_the_site_equals_a_clean_build()
    {
        using var temp = new TempFolder();
        WriteJournal(Path.Combine(temp.Path, "content"));
        var cache = Directory.CreateDirectory(Path.Combine(temp.Path, "cache")).FullName;
        // A 64 KiB tmpfs over the cache folder, in a mount namespace of the build's own (gone when it ends).
        var script = "mount -t tmpfs -o size=64k tmpfs \"$1\" && shift && exec \"$@\"";
        var probe = Run("unshare", "--mount", "--propagation", "private", "sh", "-c", script, "sh", cache, "true");
        Skip.If(probe.Exit != 0, $"cannot mount a small tmpfs here (needs root in a mount namespace): {probe.Errors.Trim()}");

        var built = Run("unshare", "--mount", "--propagation", "private", "sh", "-c", script, "sh", cache,
            "dotnet", EditionProcess.Dll, "build", "content", "-o", "site", "--cache", "cache", "--no-search");

        Assert.True(built.Exit == 0, built.Errors);
        var warning = Assert.Single(built.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("warning EB0900: the build cache cannot be written (No space left on device)", warning);
        Assert.Equal(CleanBuild(temp), Folders.Snapshot(Path.Combine(temp.Path, "site")));

        (int Exit, string Errors) Run(string program, params string[] args)
        {
            var start = new ProcessStartInfo(program, args) { WorkingDirectory = temp.Path, RedirectStandardError = true, RedirectStandardOutput = true, StandardErrorEncoding = Encoding.UTF8 };
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, errors.GetAwaiter().GetResult());
        }
    }
}

using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using EditionBuilder.Pipeline;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Pipeline;

/// <summary>Every cache entry is sealed with a SHA-256 of its kind, key and bytes: an entry edited by hand (an article's title, a stamp, the last site's stamps) is a miss, never a wrong page; a cache that cannot be written gives one warning and a right site.</summary>
public class BuildCacheTests
{
    private static void WriteJournal(string content)
    {
        SmallEdition.WriteTo(content);
        foreach (var name in new[] { "second", "third" }) Folders.Copy(Path.Combine(content, "small"), Path.Combine(content, name));
    }

    private static Support.Cli.Result Build(TempFolder temp, string cache = "cache") =>
        Support.Cli.Run(temp.Path, "build", "content", "-o", "site", "--cache", cache, "--no-search"); // the articles' entries only (the search index has its own)

    private static Dictionary<string, string> CleanBuild(TempFolder temp)
    {
        var clean = Support.Cli.Run(temp.Path, "build", "content", "-o", "clean-site", "--no-cache", "--no-search");
        Assert.True(clean.ExitCode == 0, clean.Errors);
        return Folders.Snapshot(Path.Combine(temp.Path, "clean-site"));
    }

    // A sealed entry is one header line, then its bytes: returns both, and writes them back.
    private static (string Header, string Body) ReadEntry(string path)
    {
        var text = File.ReadAllText(path);
        var newline = text.IndexOf('\n');
        Assert.StartsWith("edition-cache ", text);
        return (text[..(newline + 1)], text[(newline + 1)..]);
    }

    [Fact]
    public void Given_article_entries_edited_by_hand_When_rebuilt_Then_they_are_misses_and_the_site_equals_a_clean_build()
    {
        using var temp = new TempFolder();
        WriteJournal(Path.Combine(temp.Path, "content"));
        Assert.Equal(0, Build(temp).ExitCode);
        var entries = Directory.GetFiles(Path.Combine(temp.Path, "cache"), "*.article", SearchOption.AllDirectories).Where(p => p.Contains("/articles/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, entries.Count);

        // One gets another title of the same length, one two of its bytes swapped.
        var entry = File.ReadAllBytes(entries[0]);
        var title = Encoding.ASCII.GetBytes(System.Text.Json.JsonSerializer.Serialize("مقال صغير").Trim('"'));
        var forged = Encoding.ASCII.GetBytes(System.Text.Json.JsonSerializer.Serialize("عنوان زور").Trim('"'));
        var at = entry.AsSpan().IndexOf(title);
        Assert.True(at > 0, "the title is in the entry's summary");
        forged.CopyTo(entry, at);
        File.WriteAllBytes(entries[0], entry);
        entry = File.ReadAllBytes(entries[1]);
        var middle = entry.Length / 2;
        (entry[middle], entry[middle + 1]) = (entry[middle + 1], entry[middle]);
        Assert.NotEqual(entry[middle], entry[middle + 1]);
        File.WriteAllBytes(entries[1], entry);

        var rebuilt = Build(temp);

        Assert.True(rebuilt.ExitCode == 0, rebuilt.Errors);
        Assert.Contains("2 article(s) rendered, 1 unchanged", rebuilt.Output);
        Assert.DoesNotContain(Directory.EnumerateFiles(Path.Combine(temp.Path, "site"), "*.html", SearchOption.AllDirectories), f => File.ReadAllText(f).Contains("عنوان زور", StringComparison.Ordinal));
        Assert.Equal(CleanBuild(temp), Folders.Snapshot(Path.Combine(temp.Path, "site")));
    }

    [Fact]
    public void Given_a_stamp_pointing_at_another_article_When_rebuilt_Then_it_is_a_miss_and_the_site_is_right()
    {
        using var temp = new TempFolder();
        WriteJournal(Path.Combine(temp.Path, "content"));
        Assert.Equal(0, Build(temp).ExitCode);
        var stamps = Directory.GetFiles(Path.Combine(temp.Path, "cache"), "*", SearchOption.AllDirectories).Where(p => p.Contains("/stamps/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(3, stamps.Count);
        var (header, _) = ReadEntry(stamps[0]);
        File.WriteAllText(stamps[0], header + ReadEntry(stamps[1]).Body);

        var rebuilt = Build(temp);

        Assert.True(rebuilt.ExitCode == 0, rebuilt.Errors);
        Assert.Equal(CleanBuild(temp), Folders.Snapshot(Path.Combine(temp.Path, "site")));
    }

    [Fact]
    public void Given_an_altered_site_page_and_the_site_stamps_edited_to_vouch_for_it_When_rebuilt_Then_the_page_is_restored()
    {
        using var temp = new TempFolder();
        WriteJournal(Path.Combine(temp.Path, "content"));
        Assert.Equal(0, Build(temp).ExitCode);
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

        Assert.True(rebuilt.ExitCode == 0, rebuilt.Errors);
        Assert.Equal(CleanBuild(temp), Folders.Snapshot(Path.Combine(temp.Path, "site")));
    }

    [Fact]
    public void Given_a_cache_folder_that_cannot_be_made_When_built_Then_one_warning_and_the_site_equals_a_clean_build()
    {
        using var temp = new TempFolder();
        WriteJournal(Path.Combine(temp.Path, "content"));
        temp.File("blocked", "a file where the cache folder would go");

        var built = Build(temp, cache: "blocked/cache");

        Assert.True(built.ExitCode == 0, built.Errors);
        var warning = Assert.Single(built.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^blocked/cache/[0-9a-f]{12}: warning EB0900: the build cache cannot be written \(.+\); this build goes on without it", warning);
        Assert.Equal(CleanBuild(temp), Folders.Snapshot(Path.Combine(temp.Path, "site")));
        Assert.Equal("a file where the cache folder would go", File.ReadAllText(Path.Combine(temp.Path, "blocked")));
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

using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Cli;

/// <summary>`edition build` and search: indexed when Pagefind is installed, skipped with one warning when it is not (an error with --search), never half an index; the incremental cache reuses an unchanged index and always indexes a changed site again.</summary>
public class SearchBuildTests
{
    private static Support.Cli.Result Build(TempFolder temp, string output, params string[] extra) =>
        Support.Cli.Run(temp.Path, ["build", "content", "-o", output, "--theme", Repo.Templates, "--precompress", "none", .. extra]);

    private static Dictionary<string, string> Index(string site) =>
        Folders.Snapshot(Path.Combine(site, "pagefind"));

    [SkippableFact]
    public void Given_a_built_journal_When_built_again_and_then_edited_Then_the_unchanged_index_is_reused_and_the_edited_one_made_again_as_a_clean_build_makes_it()
    {
        Tools.RequirePagefind();
        using var temp = new TempFolder();
        SmallEdition.WriteTo(Path.Combine(temp.Path, "content"));
        Folders.Copy(Path.Combine(temp.Path, "content", "small"), Path.Combine(temp.Path, "content", "second"));

        var first = Build(temp, "site", "--cache", "cache");
        Assert.True(first.ExitCode == 0, first.Errors);
        Assert.Contains("search  6 pages indexed", first.Output, StringComparison.Ordinal);
        var before = Index(Path.Combine(temp.Path, "site"));

        var again = Build(temp, "site", "--cache", "cache");
        Assert.Contains("unchanged from the cache", again.Output, StringComparison.Ordinal);
        Assert.Equal(before, Index(Path.Combine(temp.Path, "site")));

        var chapter = Path.Combine(temp.Path, "content", "second", "ar", "02-alkhatma.md");
        File.WriteAllText(chapter, File.ReadAllText(chapter).Replace("خاتمة[^2].", "خاتمة عن المفاعلات[^2].", StringComparison.Ordinal));
        var edited = Build(temp, "site", "--cache", "cache");
        Assert.True(edited.ExitCode == 0, edited.Errors);
        Assert.Contains("search  6 pages indexed", edited.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("unchanged from the cache", edited.Output, StringComparison.Ordinal);
        Assert.NotEqual(before, Index(Path.Combine(temp.Path, "site")));

        var clean = Build(temp, "clean", "--no-cache");
        Assert.Equal(Folders.Snapshot(Path.Combine(temp.Path, "clean")), Folders.Snapshot(Path.Combine(temp.Path, "site")));
    }

    [Fact]
    public void Given_no_Pagefind_When_built_Then_one_warning_says_search_was_skipped_and_the_site_has_no_search()
    {
        using var temp = new TempFolder();
        SmallEdition.WriteTo(Path.Combine(temp.Path, "content"));

        var result = Build(temp, "site", "--pagefind", Path.Combine(temp.Path, "no-such-tools"));

        Assert.True(result.ExitCode == 0, result.Errors);
        Assert.Single(result.Errors.Split('\n'), l => l.Contains("warning EB0752: search skipped", StringComparison.Ordinal));
        Assert.Contains("npm ci --prefix tools", result.Errors, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(temp.Path, "site", "search.html")));
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "site", "pagefind")));
        Assert.DoesNotContain("search-link", File.ReadAllText(Path.Combine(temp.Path, "site", "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_search_required_and_no_Pagefind_When_built_Then_it_fails_and_writes_nothing()
    {
        using var temp = new TempFolder();
        SmallEdition.WriteTo(Path.Combine(temp.Path, "content"));

        var result = Build(temp, "site", "--search", "--pagefind", Path.Combine(temp.Path, "no-such-tools"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error EB0750: search was asked for (--search), but Pagefind 1.6.0 was not found", result.Errors, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "site")));
    }

    [Fact]
    public void Given_search_and_no_search_together_When_built_Then_it_is_a_usage_error()
    {
        using var temp = new TempFolder();
        SmallEdition.WriteTo(Path.Combine(temp.Path, "content"));

        var result = Build(temp, "site", "--search", "--no-search");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--search and --no-search contradict each other", result.Errors, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Given_a_broken_Pagefind_When_built_with_search_Then_the_build_fails_and_the_last_site_is_untouched()
    {
        Tools.RequirePagefind();
        using var temp = new TempFolder();
        SmallEdition.WriteTo(Path.Combine(temp.Path, "content"));
        Assert.Equal(0, Build(temp, "site", "--no-search").ExitCode);
        var before = Folders.Snapshot(Path.Combine(temp.Path, "site"));
        // A program that answers --version as Pagefind 1.6.0 does, then dies when asked to index.
        var fake = temp.File("fake/pagefind", "#!/bin/sh\nif [ \"$1\" = --version ]; then echo 'pagefind 1.6.0'; exit 0; fi\necho 'out of memory' >&2\nexit 101\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);

        var result = Build(temp, "site", "--search", "--pagefind", fake);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error EB0751: Pagefind failed while indexing the site", result.Errors, StringComparison.Ordinal);
        Assert.Equal(before, Folders.Snapshot(Path.Combine(temp.Path, "site")));
    }
}

using EditionBuilder.Diagnostics;
using EditionBuilder.Pipeline;
using EditionBuilder.Search;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Cli;

/// <summary>`edition build` and search: the edition's own index by default, needing nothing installed; with --search-engine pagefind, indexed when Pagefind is installed, skipped with one warning when it is not (an error with --search), never half an index; the incremental cache reuses an unchanged index and always indexes a changed site again.</summary>
public class SearchBuildTests
{
    private static Support.Cli.Result Command(TempFolder temp, string output, params string[] extra) =>
        Support.Cli.Run(temp.Path, ["build", "content", "-o", output, "--theme", Repo.Templates, "--precompress", "none", .. extra]);

    // The library step: search as the command's default (the edition's own index), Pagefind's (--pagefind <given>, --search when required), or none.
    private static FolderBuilds.Built Build(TempFolder temp, string output, string? cache = null, Func<DiagnosticBag, SiteSearch?>? search = null) =>
        FolderBuilds.Run(Path.Combine(temp.Path, "content"), Path.Combine(temp.Path, output), Repo.Templates, cache is null ? null : Path.Combine(temp.Path, cache),
            BuildOptions.Uncompressed, search: search);

    private static Func<DiagnosticBag, SiteSearch?> Pagefind(TempFolder temp, string given, bool required = false) =>
        FolderBuilds.Search(Path.Combine(temp.Path, "content"), given, required);

    private static Dictionary<string, string> Index(string site) =>
        Folders.Snapshot(Path.Combine(site, "pagefind"));

    [SkippableFact]
    public void Given_a_built_journal_When_built_again_and_then_edited_Then_the_unchanged_index_is_reused_and_the_edited_one_made_again_as_a_clean_build_makes_it()
    {
        Tools.RequirePagefind();
        using var temp = new TempFolder();
        SmallEdition.WriteTo(Path.Combine(temp.Path, "content"));
        Folders.Copy(Path.Combine(temp.Path, "content", "small"), Path.Combine(temp.Path, "content", "second"));
        var pagefind = FolderBuilds.Search(Path.Combine(temp.Path, "content"));
        FolderBuilds.Built Build(TempFolder temp, string output, string? cache = null) => SearchBuildTests.Build(temp, output, cache, pagefind);

        var first = Build(temp, "site", "cache");
        Assert.True(first.Succeeded, first.Said);
        Assert.Equal(6, first.Build.Indexed?.Pages);
        var before = Index(Path.Combine(temp.Path, "site"));

        var again = Build(temp, "site", "cache");
        Assert.True(again.Build.Indexed?.Reused);
        Assert.Equal(before, Index(Path.Combine(temp.Path, "site")));

        var chapter = Path.Combine(temp.Path, "content", "second", "ar", "02-alkhatma.md");
        File.WriteAllText(chapter, File.ReadAllText(chapter).Replace("خاتمة[^2].", "خاتمة عن المفاعلات[^2].", StringComparison.Ordinal));
        var edited = Build(temp, "site", "cache");
        Assert.True(edited.Succeeded, edited.Said);
        // One index by default (--search-shards 1): the edit makes it again whole.
        Assert.Equal(new SearchReport(6, edited.Build.Indexed!.Files, Reused: false, Shards: 1, ShardsIndexed: 1), edited.Build.Indexed);
        Assert.NotEqual(before, Index(Path.Combine(temp.Path, "site")));

        var clean = Build(temp, "clean");
        Assert.Equal(Folders.Snapshot(Path.Combine(temp.Path, "clean")), Folders.Snapshot(Path.Combine(temp.Path, "site")));
    }

    [Fact]
    public void Given_no_Pagefind_When_built_Then_one_warning_says_search_was_skipped_and_the_site_has_no_search()
    {
        using var temp = new TempFolder();
        SmallEdition.WriteTo(Path.Combine(temp.Path, "content"));

        var result = Build(temp, "site", search: Pagefind(temp, Path.Combine(temp.Path, "no-such-tools")));

        Assert.True(result.Succeeded, result.Said);
        var skipped = Assert.Single(result.Diagnostics.Items, d => d.Code == "EB0752");
        Assert.Equal(Severity.Warning, skipped.Severity);
        Assert.StartsWith("search skipped", skipped.Message, StringComparison.Ordinal);
        Assert.Contains("npm ci --prefix tools", skipped.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(temp.Path, "site", "search.html")));
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "site", "pagefind")));
        Assert.DoesNotContain("search-link", File.ReadAllText(Path.Combine(temp.Path, "site", "index.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_search_required_and_no_Pagefind_When_built_Then_it_fails_and_writes_nothing()
    {
        using var temp = new TempFolder();
        SmallEdition.WriteTo(Path.Combine(temp.Path, "content"));

        var result = Build(temp, "site", search: Pagefind(temp, Path.Combine(temp.Path, "no-such-tools"), required: true));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics.Items, d => d is { Severity: Severity.Error, Code: "EB0750" }
            && d.Message.StartsWith("search was asked for (--search), but Pagefind 1.6.0 was not found", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "site")));
    }

    [Fact]
    public void Given_search_and_no_search_together_When_built_Then_it_is_a_usage_error()
    {
        using var temp = new TempFolder();
        SmallEdition.WriteTo(Path.Combine(temp.Path, "content"));

        var result = Command(temp, "site", "--search", "--no-search");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--search and --no-search contradict each other", result.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--search-shards", "3")]
    [InlineData("--pagefind", "tools")]
    public void Given_an_option_of_Pagefinds_index_without_the_Pagefind_engine_When_built_Then_it_is_a_usage_error_naming_the_engine_option(string option, string value)
    {
        using var temp = new TempFolder();
        SmallEdition.WriteTo(Path.Combine(temp.Path, "content"));

        var result = Command(temp, "site", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{option} applies to Pagefind's index only: add --search-engine pagefind", result.Errors, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "site")));
    }

    [Fact]
    public void Given_no_Pagefind_When_built_by_default_Then_the_site_has_the_editions_own_index_and_no_warning()
    {
        using var temp = new TempFolder();
        SmallEdition.WriteTo(Path.Combine(temp.Path, "content"));

        var result = Command(temp, "site", "--search");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("EB0752", result.Output + result.Errors, StringComparison.Ordinal);
        var site = Path.Combine(temp.Path, "site");
        Assert.True(File.Exists(Path.Combine(site, "search", "index.js")));
        Assert.False(Directory.Exists(Path.Combine(site, "pagefind")));
        var search = File.ReadAllText(Path.Combine(site, "search.html"));
        Assert.DoesNotContain("wasm-unsafe-eval", search, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_an_unknown_search_engine_When_built_Then_it_is_a_usage_error()
    {
        using var temp = new TempFolder();
        SmallEdition.WriteTo(Path.Combine(temp.Path, "content"));

        var result = Command(temp, "site", "--search-engine", "lunr");

        Assert.Equal(2, result.ExitCode);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "site")));
    }

    [SkippableFact]
    public void Given_a_broken_Pagefind_When_built_with_search_Then_the_build_fails_and_the_last_site_is_untouched()
    {
        Tools.RequirePagefind();
        using var temp = new TempFolder();
        SmallEdition.WriteTo(Path.Combine(temp.Path, "content"));
        Assert.True(Build(temp, "site", search: FolderBuilds.NoSearch).Succeeded);
        var before = Folders.Snapshot(Path.Combine(temp.Path, "site"));
        // A program that answers --version as Pagefind 1.6.0 does, then dies when asked to index.
        var fake = temp.File("fake/pagefind", "#!/bin/sh\nif [ \"$1\" = --version ]; then echo 'pagefind 1.6.0'; exit 0; fi\necho 'out of memory' >&2\nexit 101\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);

        var result = Build(temp, "site", search: Pagefind(temp, fake, required: true));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics.Items, d => d is { Severity: Severity.Error, Code: "EB0751" }
            && d.Message.StartsWith("Pagefind failed while indexing the site", StringComparison.Ordinal));
        Assert.Equal(before, Folders.Snapshot(Path.Combine(temp.Path, "site")));
    }
}

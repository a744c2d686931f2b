using EditionBuilder.Pipeline;
using EditionBuilder.Diagnostics;
using EditionBuilder.Output;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Output;

/// <summary>Outputs never overwrite inputs: each command of issue 13's "Measured" list is refused with exit 2 and one line saying why, and every file it could have touched is byte for byte as before.</summary>
public class OutputGuardTests
{
    // A working folder as a publisher has it: a repository with its content, notes of their own, and a build.
    private static TempFolder Workspace()
    {
        var temp = new TempFolder();
        SmallEdition.WriteTo(Path.Combine(temp.Path, "c"));
        temp.File(".git/HEAD", "ref: refs/heads/main\n");
        temp.File("notes/plan.txt", "the publisher's own notes");
        return temp;
    }

    private static Support.Cli.Result Run(TempFolder temp, params string[] args) => Support.Cli.Run(temp.Path, args);

    private static void AssertRefused(Support.Cli.Result result, string because)
    {
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("edition: refusing to ", line);
        Assert.Contains(because, line);
        Assert.Empty(result.Output);
    }

    [Fact]
    public void Given_a_content_folder_When_built_into_itself_Then_refused_and_the_content_is_unchanged()
    {
        using var temp = Workspace();
        var before = Folders.FullSnapshot(temp.Path);

        var result = Run(temp, "build", "c", "-o", "c");

        AssertRefused(result, "refusing to build into c: it is the content folder (c)");
        Assert.Equal(before, Folders.FullSnapshot(temp.Path));
    }

    [Theory]
    [InlineData("c/site", "it lies inside the content folder")]
    [InlineData(".", "it is the current folder")]
    [InlineData("..", "it contains the current folder")]
    [InlineData("notes", "it is a folder that is not empty and was not written by edition build (no .edition-site in it)")]
    public void Given_an_output_over_an_input_or_the_working_folder_When_built_Then_refused_and_nothing_changes(string output, string because)
    {
        using var temp = Workspace();
        var before = Folders.FullSnapshot(temp.Path);

        var result = Run(temp, "build", "c", "-o", output);

        AssertRefused(result, because);
        Assert.Equal(before, Folders.FullSnapshot(temp.Path));
    }

    [Fact]
    public void Given_the_build_content_dot_of_issue_13_When_run_in_a_repository_Then_git_and_everything_else_survive()
    {
        using var temp = Workspace();
        Directory.Move(Path.Combine(temp.Path, "c"), Path.Combine(temp.Path, "content"));
        var before = Folders.FullSnapshot(temp.Path);

        var result = Run(temp, "build", "content", "-o", ".");

        AssertRefused(result, "it is the current folder");
        Assert.Equal(before, Folders.FullSnapshot(temp.Path));
        Assert.True(File.Exists(Path.Combine(temp.Path, ".git", "HEAD")));
    }

    [Fact]
    public void Given_a_repository_elsewhere_When_named_as_the_output_Then_refused_even_with_force()
    {
        using var temp = Workspace();
        temp.File("other-repo/.git/HEAD", "ref: refs/heads/main\n");
        temp.File("other-repo/README", "another project");
        var before = Folders.FullSnapshot(temp.Path);

        var result = Run(temp, "build", "c", "-o", "other-repo", "--force");

        AssertRefused(result, "it is the root of a repository (it holds .git)");
        Assert.Equal(before, Folders.FullSnapshot(temp.Path));
    }

    [Fact]
    public void Given_the_theme_or_the_cache_as_output_When_built_Then_refused()
    {
        using var temp = Workspace();
        Folders.Copy(Repo.Templates, Path.Combine(temp.Path, "theme"));
        var before = Folders.FullSnapshot(temp.Path);

        AssertRefused(Run(temp, "build", "c", "-o", "theme", "--theme", "theme"), "it is the theme folder (theme)");
        AssertRefused(Run(temp, "build", "c", "-o", "theme/site", "--theme", "theme"), "it lies inside the theme folder (theme)");
        AssertRefused(Run(temp, "build", "c", "-o", "cache", "--theme", "theme", "--cache", "cache"), "it is the build cache (cache)");
        Assert.Equal(before, Folders.FullSnapshot(temp.Path));
    }

    [Fact]
    public void Given_an_output_that_is_a_symbolic_link_When_built_Then_refused_naming_its_target_and_the_target_keeps_its_subfolders()
    {
        using var temp = Workspace();
        temp.File("elsewhere/photos/2016/a.jpg", "jpeg bytes");
        temp.File("elsewhere/letters/b.txt", "a letter");
        File.CreateSymbolicLink(Path.Combine(temp.Path, "out"), Path.Combine(temp.Path, "elsewhere"));
        var before = Folders.FullSnapshot(Path.Combine(temp.Path, "elsewhere"));

        var result = Run(temp, "build", "c", "-o", "out");

        AssertRefused(result, $"it is a symbolic link to {Path.Combine(temp.Path, "elsewhere")}");
        Assert.Equal(before, Folders.FullSnapshot(Path.Combine(temp.Path, "elsewhere")));
        Assert.Equal(Path.Combine(temp.Path, "elsewhere"), new FileInfo(Path.Combine(temp.Path, "out")).LinkTarget);
    }

    [Fact]
    public void Given_a_deploy_target_When_a_build_writes_into_it_Then_refused_and_the_live_release_is_unchanged()
    {
        using var temp = Workspace();
        Assert.Equal(0, Run(temp, "build", "c", "-o", "site").ExitCode);
        Assert.Equal(0, Run(temp, "deploy", "site", "www").ExitCode);
        var live = Folders.FullSnapshot(Path.Combine(temp.Path, "www"));
        var releases = Folders.FullSnapshot(SiteDeployer.ReleasesFolder(Path.Combine(temp.Path, "www")));

        AssertRefused(Run(temp, "build", "c", "-o", "www"), "it is a deploy target (a symbolic link to the live release .www.releases/release-");
        AssertRefused(Run(temp, "build", "c", "-o", "www/sub"), "the releases of a deploy target");
        AssertRefused(Run(temp, "build", "c", "-o", ".www.releases", "--force"), "it holds the releases of a deploy target");

        Assert.Equal(live, Folders.FullSnapshot(Path.Combine(temp.Path, "www")));
        Assert.Equal(releases, Folders.FullSnapshot(SiteDeployer.ReleasesFolder(Path.Combine(temp.Path, "www"))));
    }

    [Fact]
    public void Given_a_non_empty_folder_the_tool_did_not_write_When_built_with_force_Then_it_is_replaced_and_marked_as_a_site()
    {
        using var temp = Workspace();
        temp.File("public/old.html", "made by hand");

        AssertRefused(Run(temp, "build", "c", "-o", "public"), "pass --force to replace it");
        Assert.Equal("made by hand", File.ReadAllText(Path.Combine(temp.Path, "public", "old.html")));

        var forced = Run(temp, "build", "c", "-o", "public", "--force");
        Assert.True(forced.ExitCode == 0, forced.Errors);
        Assert.False(File.Exists(Path.Combine(temp.Path, "public", "old.html")));
        Assert.Equal(OutputGuard.MarkerText(OutputKind.Site), File.ReadAllBytes(Path.Combine(temp.Path, "public", OutputGuard.SiteMarker)));

        // Now the folder is a site this tool wrote: the next build needs no --force.
        Assert.Equal(0, Run(temp, "build", "c", "-o", "public").ExitCode);
    }

    [Fact]
    public void Given_a_site_holding_a_link_to_a_folder_outside_When_rebuilt_Then_the_link_is_removed_and_what_it_points_to_is_untouched()
    {
        using var temp = Workspace();
        Assert.Equal(0, Run(temp, "build", "c", "-o", "site").ExitCode);
        temp.File("precious/drafts/one.md", "a draft");
        temp.File("precious/two.md", "another");
        File.CreateSymbolicLink(Path.Combine(temp.Path, "site", "small", "linked"), Path.Combine(temp.Path, "precious"));
        var precious = Folders.FullSnapshot(Path.Combine(temp.Path, "precious"));

        var result = Run(temp, "build", "c", "-o", "site", "--no-cache");

        Assert.True(result.ExitCode == 0, result.Errors);
        Assert.False(Path.Exists(Path.Combine(temp.Path, "site", "small", "linked")));
        Assert.Equal(precious, Folders.FullSnapshot(Path.Combine(temp.Path, "precious")));
    }

    [Fact]
    public void Given_a_folder_with_a_link_inside_When_deleted_Then_only_the_link_goes()
    {
        using var temp = new TempFolder();
        temp.File("keep/sub/file.txt", "kept");
        temp.File("doomed/a/b.txt", "gone");
        File.CreateSymbolicLink(Path.Combine(temp.Path, "doomed", "a", "to-keep"), Path.Combine(temp.Path, "keep"));
        File.CreateSymbolicLink(Path.Combine(temp.Path, "doomed", "to-sub"), Path.Combine(temp.Path, "keep", "sub"));
        File.CreateSymbolicLink(Path.Combine(temp.Path, "top-link"), Path.Combine(temp.Path, "keep"));

        AtomicFolder.TryDelete(Path.Combine(temp.Path, "doomed"));
        AtomicFolder.TryDelete(Path.Combine(temp.Path, "top-link"));

        Assert.False(Path.Exists(Path.Combine(temp.Path, "doomed")));
        Assert.False(Path.Exists(Path.Combine(temp.Path, "top-link")));
        Assert.Equal("kept", File.ReadAllText(Path.Combine(temp.Path, "keep", "sub", "file.txt")));
    }

    [Fact]
    public void Given_a_built_site_When_packaged_into_the_current_folder_or_the_site_Then_refused()
    {
        using var temp = Workspace();
        Assert.Equal(0, Run(temp, "build", "c", "-o", "site").ExitCode);
        var before = Folders.FullSnapshot(temp.Path);

        AssertRefused(Run(temp, "package", "site", "-o", "."), "refusing to package into .: it is the current folder");
        AssertRefused(Run(temp, "package", "site", "-o", "site"), "it is the site being packaged (site)");
        AssertRefused(Run(temp, "package", "site", "-o", "c", "--content", "c"), "it is the content folder (c)");
        AssertRefused(Run(temp, "package", "site", "-o", "notes"), "was not written by edition package (no .edition-package in it)");

        Assert.Equal(before, Folders.FullSnapshot(temp.Path));
    }

    [Fact]
    public void Given_a_package_folder_When_packaged_again_Then_it_is_replaced_without_force()
    {
        using var temp = Workspace();
        Assert.Equal(0, Run(temp, "build", "c", "-o", "site").ExitCode);

        Assert.Equal(0, Run(temp, "package", "site", "-o", "package", "--content", "c").ExitCode);
        var again = Run(temp, "package", "site", "-o", "package", "--content", "c");

        Assert.True(again.ExitCode == 0, again.Errors);
        Assert.True(File.Exists(Path.Combine(temp.Path, "package", OutputGuard.PackageMarker)));
        Assert.False(File.Exists(Path.Combine(temp.Path, "package", "small-1", "data", OutputGuard.SiteMarker)));
    }

    [Fact]
    public void Given_a_site_When_deployed_onto_itself_the_current_folder_or_a_foreign_link_Then_refused()
    {
        using var temp = Workspace();
        Assert.Equal(0, Run(temp, "build", "c", "-o", "site").ExitCode);
        File.CreateSymbolicLink(Path.Combine(temp.Path, "web"), Path.Combine(temp.Path, "notes"));
        File.CreateSymbolicLink(Path.Combine(temp.Path, ".web2.releases"), Path.Combine(temp.Path, "notes"));
        var before = Folders.FullSnapshot(temp.Path);

        AssertRefused(Run(temp, "deploy", "site", "site"), "refusing to deploy to site: it is the site being deployed (site)");
        AssertRefused(Run(temp, "deploy", "site", "site/www"), "it lies inside the site being deployed");
        AssertRefused(Run(temp, "deploy", "site", "."), "it is the current folder");
        AssertRefused(Run(temp, "deploy", "site", "web"), $"it is a symbolic link to {Path.Combine(temp.Path, "notes")}");
        AssertRefused(Run(temp, "deploy", "site", "web2"), "its releases folder .web2.releases is a symbolic link");

        Assert.Equal(before, Folders.FullSnapshot(temp.Path));
    }

    [Fact]
    public void Given_a_source_inside_its_article_folder_When_imported_into_that_folder_Then_the_source_and_the_editors_fields_are_kept()
    {
        using var temp = new TempFolder();
        var seed = File.ReadAllBytes(Repo.SeedPath);
        temp.File("x/source/article.txt", File.ReadAllText(Repo.SeedPath));
        temp.File("x/article.yml", "title:\n  ar: عنوان كتبه المحرر\n");
        temp.File("x/theme/assets/custom.css", "body { color: navy }\n");

        var result = ImportArticle.Run(Path.Combine(temp.Path, "x", "source", "article.txt"), Path.Combine(temp.Path, "x"), force: false, new DiagnosticBag());

        Assert.True(result.Succeeded);
        Assert.Equal(["source/article.txt", "theme/assets/custom.css"], result.Kept);
        Assert.False(result.ReplacedEdits);
        Assert.Equal(seed, File.ReadAllBytes(Path.Combine(temp.Path, "x", "source", "article.txt")));
        Assert.Equal("body { color: navy }\n", File.ReadAllText(Path.Combine(temp.Path, "x", "theme", "assets", "custom.css")));
        Assert.Contains("ar: عنوان كتبه المحرر", File.ReadAllText(Path.Combine(temp.Path, "x", "article.yml")));
        Assert.Equal(10, Directory.GetFiles(Path.Combine(temp.Path, "x", "ar"), "*.md").Length);

        // The same import again changes nothing and is not refused: its chapters are what it wrote.
        var again = Support.Cli.Run(temp.Path, "import", "x/source/article.txt", "-o", "x");
        Assert.True(again.ExitCode == 0, again.Errors);
    }

    [Fact]
    public void Given_hand_edited_chapters_When_imported_again_Then_refused_naming_them_and_replaced_only_with_force()
    {
        using var temp = new TempFolder();
        temp.File("x/source/article.txt", File.ReadAllText(Repo.SeedPath));
        Assert.Equal(0, Support.Cli.Run(temp.Path, "import", "x/source/article.txt", "-o", "x").ExitCode);
        var chapter = Directory.GetFiles(Path.Combine(temp.Path, "x", "ar"), "01-*.md").Single();
        File.AppendAllText(chapter, "\nفقرة أضافها المحرر.\n");
        var extra = temp.File("x/ar/99-mlhq.md", "---\ntitle: ملحق\n---\n\nملحق كتبه المحرر.\n");
        var before = Folders.FullSnapshot(temp.Path);

        var refused = Support.Cli.Run(temp.Path, "import", "x/source/article.txt", "-o", "x");

        AssertRefused(refused, $"refusing to import into x: it would change 1 file(s) (ar/{Path.GetFileName(chapter)}) and remove 1 file(s) the source no longer gives (ar/99-mlhq.md), which may hold your edits");
        Assert.Equal(before, Folders.FullSnapshot(temp.Path));

        var forced = ImportArticle.Run(Path.Combine(temp.Path, "x", "source", "article.txt"), Path.Combine(temp.Path, "x"), force: true, new DiagnosticBag());

        Assert.True(forced.Succeeded);
        Assert.Equal([$"ar/{Path.GetFileName(chapter)}"], forced.Changed);
        Assert.Equal(["ar/99-mlhq.md"], forced.Dropped);
        Assert.DoesNotContain("فقرة أضافها المحرر", File.ReadAllText(chapter));
        Assert.False(File.Exists(extra));
        Assert.True(File.Exists(Path.Combine(temp.Path, "x", "source", "article.txt")));
    }

    [SkippableFact]
    public void Given_a_FIFO_in_the_article_folder_When_imported_into_it_Then_refused_in_one_line_without_opening_it()
    {
        Skip.IfNot(File.Exists("/usr/bin/mkfifo"), "mkfifo (Debian coreutils) is needed to make a FIFO");
        using var temp = new TempFolder();
        temp.File("x/article.yml", "title:\n  ar: مقال\n");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", Path.Combine(temp.Path, "x", "pipe"))) mkfifo.WaitForExit();

        var result = Support.Cli.Run(temp.Path, "import", Repo.SeedPath, "-o", "x");

        AssertRefused(result, "is a FIFO");
        Assert.True(File.Exists(Path.Combine(temp.Path, "x", "pipe")));
    }

    [Fact]
    public void Given_a_foreign_folder_When_imported_into_Then_refused_unless_forced_and_an_article_folder_is_accepted()
    {
        using var temp = new TempFolder();
        temp.File("mine/letter.txt", "not an article");
        temp.File("article/article.yml", "title:\n  ar: مقال\n");

        AssertRefused(Support.Cli.Run(temp.Path, "import", Repo.SeedPath, "-o", "mine"), "was not written by edition import (no article.yml in it)");
        Assert.Equal("not an article", File.ReadAllText(Path.Combine(temp.Path, "mine", "letter.txt")));

        Assert.Equal(0, Support.Cli.Run(temp.Path, "import", Repo.SeedPath, "-o", "article").ExitCode);
        Assert.Equal(0, Support.Cli.Run(temp.Path, "import", Repo.SeedPath, "-o", "mine", "--force").ExitCode);
    }
}

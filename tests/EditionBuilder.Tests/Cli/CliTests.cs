using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Cli;

/// <summary>The edition command end to end: outputs, summaries, exit codes, and a failed build that leaves the last good site alone.</summary>
public class CliTests
{
    [Fact]
    public void Given_the_seed_When_imported_Then_the_article_folder_is_written_and_one_summary_line_printed()
    {
        using var temp = new TempFolder();
        var output = Path.Combine(temp.Path, "article");

        var result = Support.Cli.Run(temp.Path, "import", Repo.SeedPath, "-o", output);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"imported {Repo.SeedPath}: 10 chapters, 96 paragraphs, 40 notes, 2 abstracts (en, fr); 48,700 letters, 40 notes: all kept -> {output}\n", result.Output);
        Assert.Empty(result.Errors);
        Assert.Equal(10, Directory.GetFiles(Path.Combine(output, "ar"), "*.md").Length);
        Assert.True(File.Exists(Path.Combine(output, "article.yml")));
        Assert.True(File.Exists(Path.Combine(output, "en", "abstract.md")));
        Assert.True(File.Exists(Path.Combine(output, "fr", "abstract.md")));
    }

    [Fact]
    public void Given_no_output_option_When_imported_Then_the_article_goes_to_artifacts_markdown_under_its_slug()
    {
        using var temp = new TempFolder();

        var result = Support.Cli.Run(temp.Path, "import", Repo.SeedPath);

        Assert.Equal(0, result.ExitCode);
        Assert.True(Directory.Exists(Path.Combine(temp.Path, "artifacts", "markdown", "the-russian-iranian-partnership-in-syria", "ar")));
    }

    [Fact]
    public void Given_a_broken_source_When_imported_Then_exit_1_with_diagnostics_and_nothing_written()
    {
        using var temp = new TempFolder();
        var source = temp.File("broken.txt", "المقدمة\nنص[3].\n\n[1]- ملاحظة\n");
        var output = Path.Combine(temp.Path, "out");

        var result = Support.Cli.Run(temp.Path, "import", source, "-o", output);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{source}:2:3: error EB0004: reference [3] has no note 3 in the notes list", result.Errors);
        Assert.DoesNotContain("   at ", result.Errors);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("import")]
    [InlineData("import", "a.txt", "b.txt")]
    [InlineData("import", "missing.txt")]
    [InlineData("build", "--colour")]
    [InlineData("build", "-o")]
    public void Given_a_wrong_command_line_When_run_Then_exit_2_with_a_usage_message(params string[] args)
    {
        using var temp = new TempFolder();

        var result = Support.Cli.Run(temp.Path, args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("edition: ", result.Errors);
    }

    [Fact]
    public void Given_a_content_folder_When_built_Then_the_site_is_written_and_each_stage_reports_its_counts()
    {
        using var temp = new TempFolder();
        SmallEdition.WriteTo(Path.Combine(temp.Path, "content"));

        var result = Support.Cli.Run(temp.Path, "build", "content", "-o", "site");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("render  1 article(s), 2 chapters", result.Output);
        Assert.Contains("verify  ", result.Output);
        Assert.True(File.Exists(Path.Combine(temp.Path, "site", "index.html")));
        Assert.True(File.Exists(Path.Combine(temp.Path, "site", "small", "02-alkhatma.html")));
    }

    [Fact]
    public void Given_a_good_site_When_a_broken_build_targets_it_Then_exit_1_the_error_line_and_the_refusal_last_and_the_site_unchanged()
    {
        using var temp = new TempFolder();
        var content = Path.Combine(temp.Path, "content");
        SmallEdition.WriteTo(content);
        Assert.Equal(0, Support.Cli.Run(temp.Path, "build", "content", "-o", "site").ExitCode);
        var before = Folders.Snapshot(Path.Combine(temp.Path, "site"));

        File.AppendAllText(Path.Combine(content, "small", "ar", "02-alkhatma.md"), "\nإحالة بلا ملاحظة[^9].\n");
        var result = Support.Cli.Run(temp.Path, "build", "content", "-o", "site");

        Assert.Equal(1, result.ExitCode);
        var lines = result.Errors.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^(/.+/)?content/small/ar/02-alkhatma\.md:\d+:\d+: error EB0203: "));
        Assert.Equal("build failed; the previous site, if any, is untouched.", lines[^1]);
        Assert.Equal(before, Folders.Snapshot(Path.Combine(temp.Path, "site")));
        Assert.Single(Directory.GetDirectories(temp.Path), d => Path.GetFileName(d).Contains("site", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_lone_source_file_When_built_Then_it_becomes_a_one_article_site()
    {
        using var temp = new TempFolder();

        var result = Support.Cli.Run(temp.Path, "build", Repo.SeedPath, "-o", "site");

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(Path.Combine(temp.Path, "site", "the-russian-iranian-partnership-in-syria", "10-alastntajat.html")));
    }

    [Fact]
    public void Given_a_built_site_When_verified_and_then_damaged_Then_verify_exits_0_then_1()
    {
        using var temp = new TempFolder();
        SmallEdition.WriteTo(Path.Combine(temp.Path, "content"));
        Support.Cli.Run(temp.Path, "build", "content", "-o", "site");

        Assert.Equal(0, Support.Cli.Run(temp.Path, "verify", "site").ExitCode);
        File.Delete(Path.Combine(temp.Path, "site", "small", "02-alkhatma.html"));
        var result = Support.Cli.Run(temp.Path, "verify", "site");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error EB0401", result.Errors);
    }
}

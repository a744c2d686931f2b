using System.Text;
using EditionBuilder.Diagnostics;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Hostile;

/// <summary>Every kind of broken source ends with positioned diagnostics (the build's typed ones), never a stack trace, and the last good site untouched; a fault of the tool itself is exit 3 with one line.</summary>
public class BrokenBuildTests
{
    public static TheoryData<string, string> BrokenSources()
    {
        var seed = Repo.SeedBytes();
        var text = Encoding.UTF8.GetString(seed);
        var data = new TheoryData<string, string>
        {
            { "empty", "" },
            { "binary", "PK\u0003\u0004\u0000\u0000docx" },
            { "references without notes", text[..text.IndexOf("[1]-", StringComparison.Ordinal)] + "[1]- أولى فقط\n" },
            { "duplicated notes", text.Replace("[5]-", "[4]-", StringComparison.Ordinal) },
            { "stray bookmark", text.Replace("[bookmark: _ftnref2]", "[bookmark: _ftnref99]", StringComparison.Ordinal) },
            { "notes without text", "\n[1]- ملاحظة\n" },
            { "truncated in the notes", text[..(text.IndexOf("[23]-", StringComparison.Ordinal) + 3)] },
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(BrokenSources))]
    public void Given_a_broken_source_When_built_over_a_good_site_Then_not_succeeded_positioned_errors_and_the_site_unchanged(string name, string source)
    {
        using var temp = new TempFolder();
        var site = Path.Combine(temp.Path, "site");
        Assert.True(FolderBuilds.Run(Repo.SeedPath, site).Succeeded);
        var before = Folders.Snapshot(site);
        var path = temp.File(name.Replace(' ', '-') + ".txt", Encoding.UTF8.GetBytes(source).Select(b => b).ToArray());
        if (name == "binary") File.WriteAllBytes(path, [0x50, 0x4B, 3, 4, 0, 0, 0x64]);

        var built = FolderBuilds.Run(path, site);

        Assert.False(built.Succeeded);
        Assert.Contains(built.Diagnostics.Items, d => d.Severity == Severity.Error && d.Path == path && d.Line > 0 && d.Column > 0 && d.Code.StartsWith("EB0", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", built.Said);
        Assert.DoesNotContain("Exception", built.Said);
        Assert.Equal(before, Folders.Snapshot(site));
    }

    [Fact]
    public void Given_invalid_UTF8_cut_in_the_middle_of_a_character_When_built_Then_EB0003_at_the_last_line()
    {
        using var temp = new TempFolder();
        var seed = Repo.SeedBytes();
        var lastLead = Array.FindLastIndex(seed, b => b >= 0xC0);
        var path = temp.File("cut.txt", seed[..(lastLead + 1)]);
        var lastLine = Encoding.UTF8.GetString(seed[..lastLead]).Count(c => c == '\n') + 1;

        var built = FolderBuilds.Run(path, Path.Combine(temp.Path, "site"));

        Assert.False(built.Succeeded);
        Assert.Contains(built.Errors("EB0003"), e => (e.Path, e.Line) == (path, lastLine));
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "site")));
    }

    [Fact]
    public void Given_an_unexpected_internal_failure_When_built_Then_exit_3_with_one_line_naming_the_input()
    {
        using var temp = new TempFolder();
        temp.File("site", "a file where the site folder should go");

        var result = Support.Cli.Run(temp.Path, "build", Repo.SeedPath, "-o", "site/inner");

        Assert.Equal(3, result.ExitCode);
        var lines = result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith($"edition: internal failure while running 'build' on {Repo.SeedPath}: ", lines[0]);
    }

    [Fact]
    public void Given_a_failure_on_a_thread_of_a_parallel_stage_When_described_Then_the_line_names_the_failure_itself()
    {
        // A file written for an article, on a thread of the articles' loop and of the article's files' loop: wrapped twice.
        var failure = new AggregateException(new AggregateException(new IOException("No space left on device : '/srv/site/a/full.html'")));

        Assert.Equal("IOException: No space left on device : '/srv/site/a/full.html'", EditionBuilder.Cli.EditionProgram.Describe(failure));
        Assert.Equal("InvalidOperationException: first line", EditionBuilder.Cli.EditionProgram.Describe(new InvalidOperationException("first line\nsecond")));
    }

}

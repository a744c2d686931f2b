using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Diagnostics;

/// <summary>A source with thousands of the same warning keeps the first hundred and counts the rest (the build's typed diagnostics), and the command prints them and a count line, not all of them.</summary>
public class WarningCapTests
{
    [Fact]
    public void Given_a_source_with_2500_uncited_notes_When_built_Then_100_warnings_and_one_count_line_are_printed()
    {
        using var temp = new TempFolder();
        var notes = string.Concat(Enumerable.Range(2, 2500).Select(n => $"[{n}]- ملاحظة لا يحيل إليها النص {n}\n"));
        temp.File("article.txt", "الشراكة في سوريا\n المقدمة\n[bookmark: _ftnref1]فقرة تحيل[1].\n\n" + "[1]- ملاحظة\n" + notes);

        var result = Support.Cli.Run(temp.Path, "build", "article.txt", "-o", "site", "--no-cache", "--precompress", "none");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(100, lines.Count(l => l.StartsWith("article.txt:", StringComparison.Ordinal) && l.Contains(": warning EB0102:", StringComparison.Ordinal)));
        Assert.Contains("warning EB0102: 2400 more like the above not shown (the first 100 are)", lines);
    }

    [Fact]
    public void Given_such_a_source_in_a_content_folder_When_built_twice_with_the_cache_Then_both_builds_keep_the_hundred_and_count_the_rest()
    {
        using var temp = new TempFolder();
        var notes = string.Concat(Enumerable.Range(2, 2500).Select(n => $"[{n}]- ملاحظة لا يحيل إليها النص {n}\n"));
        temp.File("content/article/source/article.txt", " المقدمة\n[bookmark: _ftnref1]فقرة تحيل[1].\n\n" + "[1]- ملاحظة\n" + notes);
        temp.File("content/article/article.yml", "title: { ar: مقال }\n");

        foreach (var _ in new[] { 1, 2 })
        {
            var built = FolderBuilds.Run(Path.Combine(temp.Path, "content"), Path.Combine(temp.Path, "site"), cache: Path.Combine(temp.Path, "cache"),
                options: EditionBuilder.Pipeline.BuildOptions.Uncompressed, search: FolderBuilds.NoSearch);

            Assert.True(built.Succeeded, built.Said);
            Assert.Equal(100, built.Diagnostics.Items.Count(d => d.Code == "EB0102"));
            Assert.Equal(2400, built.Diagnostics.Dropped["EB0102"]);
        }
    }
}

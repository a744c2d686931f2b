using System.Diagnostics;
using EditionBuilder.Pipeline;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Content;

/// <summary>Reading never leaves the content folder and never hangs: links out of it, FIFOs and devices are input errors at their path; editor lock files and dangling links are passed over; names that would overwrite the site's own pages are refused.</summary>
public sealed class ContentSafetyTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public ContentSafetyTests() => SmallEdition.WriteTo(Content);

    public void Dispose() => _temp.Dispose();

    private string Content => Path.Combine(_temp.Path, "content");

    private string Chapters => Path.Combine(Content, "small", "ar");

    private FolderBuilds.Built Build() => FolderBuilds.Run(Content, Path.Combine(_temp.Path, "site"), options: BuildOptions.Uncompressed);

    // The build failed with the error `code` whose message starts with `message`, at a path ending with `at` (and at line:column when given), and wrote no site.
    private void AssertRefused(FolderBuilds.Built result, string code, string message, string? at = null, int line = 0, int column = 0)
    {
        Assert.False(result.Succeeded);
        Assert.True(result.Errors(code).Any(d => d.Message.StartsWith(message, StringComparison.Ordinal) && (at is null || d.Path.EndsWith(at, StringComparison.Ordinal))
            && (line == 0 || (d.Line, d.Column) == (line, column))), result.Said);
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, "site")));
    }

    [Fact]
    public void Given_names_that_are_not_text_in_an_article_and_in_the_content_folder_When_built_Then_each_is_an_error_not_a_crash()
    {
        // Found by an attack: such a chapter name was opened by a path that cannot name it, and the build failed as an internal failure.
        Output.FolderListingTests.MakeUnnamed(Chapters, "printf 'x' > \"$(printf '03-x\\377.md')\"");
        Output.FolderListingTests.MakeUnnamed(Content, "mkdir \"$(printf 'old\\377')\"");

        var result = Build();

        AssertRefused(result, "EB0609", "this name is not UTF-8 text", Path.Combine("small", "ar", "03-x\uFFFD.md"));
        AssertRefused(result, "EB0609", "this name is not UTF-8 text", Path.Combine("content", "old\uFFFD"));
    }

    [Fact]
    public void Given_a_chapter_that_links_to_a_file_outside_the_content_folder_When_built_Then_it_is_an_error_and_nothing_is_published()
    {
        File.CreateSymbolicLink(Path.Combine(Chapters, "03-passwd.md"), "/etc/passwd");

        var result = Build();

        AssertRefused(result, "EB0603", "this is a symbolic link to /etc/passwd, outside ", Path.Combine("small", "ar", "03-passwd.md"));
        Assert.DoesNotContain("root:", result.Said);
    }

    [Fact]
    public void Given_a_source_that_links_to_a_device_When_built_Then_it_is_an_error_without_reading_it()
    {
        Directory.Delete(Chapters, recursive: true);
        Directory.CreateDirectory(Path.Combine(Content, "small", "source"));
        File.CreateSymbolicLink(Path.Combine(Content, "small", "source", "article.txt"), "/dev/zero");

        var clock = Stopwatch.StartNew();
        var result = Build();

        AssertRefused(result, "EB0603", "this is a symbolic link to /dev/zero");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), "reading a device would never end");
    }

    [SkippableFact]
    public void Given_a_FIFO_as_a_source_When_built_Then_it_is_an_error_at_its_path_and_the_build_does_not_hang()
    {
        Skip.IfNot(File.Exists("/usr/bin/mkfifo"), "mkfifo (Debian coreutils) is needed to make a FIFO");
        Directory.Delete(Chapters, recursive: true);
        Directory.CreateDirectory(Path.Combine(Content, "small", "source"));
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(Content, "small", "source", "article.txt"))) mkfifo.WaitForExit();

        var result = Build();

        AssertRefused(result, "EB0604", "this is a FIFO (named pipe), not a regular file, and is never read", Path.Combine("small", "source", "article.txt"));
    }

    [Fact]
    public void Given_editor_lock_and_backup_files_and_a_dangling_link_among_the_chapters_When_built_Then_they_are_passed_over()
    {
        File.CreateSymbolicLink(Path.Combine(Chapters, ".#01-almqdma.md"), "user@host.4242:1700000000");
        File.WriteAllText(Path.Combine(Chapters, "01-almqdma.md~"), "old");
        File.WriteAllText(Path.Combine(Chapters, ".01-almqdma.md.swp"), "vim");
        File.CreateSymbolicLink(Path.Combine(Chapters, "09-gone.md"), Path.Combine(Chapters, "nowhere.md"));

        var result = Build();

        Assert.True(result.Succeeded, result.Said);
        Assert.Equal(2, Directory.EnumerateFiles(Path.Combine(_temp.Path, "site", "small"), "0*.html").Count());
    }

    [Fact]
    public void Given_a_link_to_a_chapter_elsewhere_inside_the_content_folder_When_built_Then_it_is_read()
    {
        var shared = Path.Combine(Content, "shared");
        Directory.CreateDirectory(shared);
        File.Move(Path.Combine(Chapters, "02-alkhatma.md"), Path.Combine(shared, "02-alkhatma.md"));
        File.CreateSymbolicLink(Path.Combine(Chapters, "02-alkhatma.md"), Path.Combine("..", "..", "shared", "02-alkhatma.md"));

        var result = Build();

        Assert.True(result.Succeeded, result.Said);
        Assert.True(File.Exists(Path.Combine(_temp.Path, "site", "small", "02-alkhatma.html")));
    }

    [Theory]
    [InlineData("index.html")]
    [InlineData("robots.txt")]
    [InlineData("assets")]
    [InlineData("search")]
    public void Given_an_article_folder_named_like_a_file_of_the_site_When_built_Then_it_is_refused_by_name(string name)
    {
        Folders.Copy(Path.Combine(Content, "small"), Path.Combine(Content, name));

        AssertRefused(Build(), "EB0605", $"an article folder cannot be named '{name}'");
    }

    [Theory]
    [InlineData("index", "EB0601", "the slug 'index' names one of the article's own pages")]
    [InlineData("full", "EB0601", "the slug 'full' names one of the article's own pages")]
    [InlineData("01-almqdma", "EB0602", "the slug '01-almqdma' is also the slug of")]
    public void Given_a_chapter_slug_that_collides_When_built_Then_the_error_points_at_its_front_matter(string slug, string code, string message)
    {
        var chapter = Path.Combine(Chapters, "02-alkhatma.md");
        File.WriteAllText(chapter, File.ReadAllText(chapter).Replace("slug: 02-alkhatma", "slug: " + slug, StringComparison.Ordinal));

        AssertRefused(Build(), code, message, Path.Combine("small", "ar", "02-alkhatma.md"), 6, 1);
    }

    [Theory]
    [InlineData("quotes")]
    [InlineData("indented lists")]
    [InlineData("lists on one line")]
    public void Given_two_thousand_nested_quotes_or_lists_When_built_Then_an_error_names_the_line_at_once(string kind)
    {
        var nested = kind switch
        {
            "quotes" => new string('>', 2000) + " نص\n",
            "indented lists" => string.Concat(Enumerable.Range(0, 2000).Select(i => new string(' ', i * 2) + "- بند\n")),
            _ => string.Concat(Enumerable.Repeat("- ", 2000)) + "بند\n",
        };
        var chapter = Path.Combine(Chapters, "02-alkhatma.md");
        File.AppendAllText(chapter, "\n" + nested);
        var bodyLine = File.ReadAllLines(chapter).Length - nested.Count(c => c == '\n') + 1;

        var clock = Stopwatch.StartNew();
        var result = Build();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors("EB0608"), d => d.Message.StartsWith("quotes or lists are nested", StringComparison.Ordinal)
            && d.Path.EndsWith("02-alkhatma.md", StringComparison.Ordinal) && (d.Line, d.Column) == (kind == "indented lists" ? bodyLine + 32 : bodyLine, 1));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}: a nesting cap that does not stop the parser early never ends on deeper input");
    }
}

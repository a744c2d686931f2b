using EditionBuilder.Diagnostics;
using EditionBuilder.Pipeline;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Cli;

/// <summary>After each kind of edit a publisher makes, the incremental build (cache, spare copy of the site, links checked only where they could break) equals a clean build byte for byte, and so does the next one.</summary>
public class EditKindsTests
{
    public static TheoryData<string> Edits =>
    [
        "chapter text", "chapter title", "article.yml", "edition.yml", "template", "theme stylesheet", "new article", "deleted article", "renamed chapter",
        "link to another article", "link to another article's note",
    ];

    private static string Content(TempFolder temp, params string[] parts) => Path.Combine([temp.Path, "content", .. parts]);

    // Uncompressed and without JATS, to keep the runs short.
    private static readonly BuildOptions Options = BuildOptions.Uncompressed.Without("jats");

    private static FolderBuilds.Built Build(TempFolder temp) =>
        FolderBuilds.Run(Content(temp), Path.Combine(temp.Path, "site"), Path.Combine(temp.Path, "theme"), Path.Combine(temp.Path, "cache"), Options);

    // The render stage's "N article(s) rendered, M unchanged".
    private static (int Rendered, int Unchanged) Rendered(FolderBuilds.Built built) =>
        (built.Build.ArticlesRendered, built.Build.Articles - built.Build.ArticlesRendered);

    private static void AssertEqualsCleanBuild(TempFolder temp)
    {
        var clean = Path.Combine(temp.Path, "clean");
        if (Directory.Exists(clean)) Directory.Delete(clean, recursive: true);
        var run = FolderBuilds.Run(Content(temp), clean, Path.Combine(temp.Path, "theme"), options: Options);
        Assert.True(run.Succeeded, run.Said);
        Assert.Equal(Folders.Snapshot(clean), Folders.Snapshot(Path.Combine(temp.Path, "site")));
    }

    private static void Edit(TempFolder temp, string kind)
    {
        string Replace(string file, string from, string to)
        {
            var text = File.ReadAllText(file);
            Assert.Contains(from, text);
            File.WriteAllText(file, text.Replace(from, to, StringComparison.Ordinal));
            return file;
        }

        switch (kind)
        {
            case "chapter text":
                Replace(Content(temp, "second", "ar", "02-alkhatma.md"), "خاتمة[^2].", "خاتمة منقحة[^2].");
                break;
            case "chapter title":
                Replace(Content(temp, "second", "ar", "01-almqdma.md"), "title: المقدمة", "title: مقدمة البحث");
                break;
            case "article.yml":
                Replace(Content(temp, "third", "article.yml"), "ar: مقال صغير", "ar: مقال ثالث");
                break;
            case "edition.yml":
                File.WriteAllText(Content(temp, "edition.yml"), "name:\n  ar: طبعة منقحة\n");
                break;
            case "template":
                File.AppendAllText(Path.Combine(temp.Path, "theme", "chapter.html"), "\n<p class=\"colophon\">EditionBuilder</p>\n");
                break;
            case "theme stylesheet":
                File.AppendAllText(Path.Combine(temp.Path, "theme", "assets", "edition.css"), "\n.colophon { color: #333; }\n");
                break;
            case "new article":
                Folders.Copy(Content(temp, "small"), Content(temp, "fourth"));
                break;
            case "deleted article":
                Directory.Delete(Content(temp, "third"), recursive: true);
                break;
            case "renamed chapter":
                var chapter = Replace(Content(temp, "second", "ar", "02-alkhatma.md"), "slug: 02-alkhatma", "slug: 02-alkhitam");
                File.Move(chapter, Content(temp, "second", "ar", "02-alkhitam.md"));
                break;
            case "link to another article":
                Replace(Content(temp, "second", "ar", "02-alkhatma.md"), "خاتمة[^2].", "خاتمة[^2]، وانظر [المقال الثالث](../third/01-almqdma.html).");
                break;
            case "link to another article's note":
                Replace(Content(temp, "second", "ar", "02-alkhatma.md"), "خاتمة[^2].", "خاتمة[^2]، وانظر [ملاحظته](../third/01-almqdma.html#fn-1).");
                break;
            default:
                throw new ArgumentException(kind);
        }
    }

    [Theory]
    [MemberData(nameof(Edits))]
    public void Given_a_built_journal_When_edited_Then_each_incremental_build_equals_a_clean_build(string kind)
    {
        using var temp = new TempFolder();
        SmallEdition.WriteTo(Content(temp));
        foreach (var name in new[] { "second", "third" }) Folders.Copy(Content(temp, "small"), Content(temp, name));
        Folders.Copy(Repo.Templates, Path.Combine(temp.Path, "theme"));
        // Twice: the second build leaves a spare copy of the site, which the edited build stages into.
        Assert.True(Build(temp).Succeeded);
        Assert.True(Build(temp).Succeeded);
        Assert.True(Directory.Exists(Path.Combine(temp.Path, ".site.spare")));

        Edit(temp, kind);
        var edited = Build(temp);

        Assert.True(edited.Succeeded, edited.Said);
        AssertEqualsCleanBuild(temp);

        // And the build after it, from the spare brought up to date by the edited build.
        File.AppendAllText(Content(temp, "small", "ar", "01-almqdma.md"), "\nفقرة أخرى.\n");
        var next = Build(temp);
        Assert.True(next.Succeeded, next.Said);
        AssertEqualsCleanBuild(temp);
    }

    [Fact]
    public void Given_an_article_imported_from_its_source_on_every_build_When_others_or_it_are_edited_Then_each_incremental_build_equals_a_clean_build()
    {
        // A source folder unchanged since the last build is not imported again (ContentFolder names its chapters from what the last
        // import gave); the site must be the clean build's all the same, and an edit of the source must show.
        using var temp = new TempFolder();
        SmallEdition.WriteTo(Content(temp));
        Folders.Copy(Repo.Templates, Path.Combine(temp.Path, "theme"));
        Folders.Copy(Path.Combine(Repo.ContentFolder, "russian-iranian-partnership"), Content(temp, "seed"));
        Assert.True(Build(temp).Succeeded);
        Assert.True(Build(temp).Succeeded);
        AssertEqualsCleanBuild(temp);

        File.AppendAllText(Content(temp, "small", "ar", "01-almqdma.md"), "\nفقرة أخرى.\n");
        var other = Build(temp);
        Assert.True(other.Succeeded, other.Said);
        Assert.Equal((1, 1), Rendered(other));
        AssertEqualsCleanBuild(temp);

        var source = Content(temp, "seed", "source", "article.txt");
        var lines = File.ReadAllLines(source).ToList();
        lines.Insert(2, "فقرة أضافها المحرر إلى المقدمة.");
        File.WriteAllLines(source, lines);
        var edited = Build(temp);
        Assert.True(edited.Succeeded, edited.Said);
        Assert.Equal((1, 1), Rendered(edited));
        Assert.Contains("فقرة أضافها المحرر إلى المقدمة.", File.ReadAllText(Path.Combine(temp.Path, "site", "seed", "01-almqdma.html")));
        AssertEqualsCleanBuild(temp);
    }

    [Fact]
    public void Given_an_article_whose_book_warns_When_rebuilt_unchanged_Then_the_warnings_come_every_time()
    {
        // Found by an attack on the cache: the EPUB's warning about an image format EPUB readers need not show came on the first build only.
        using var temp = new TempFolder();
        SmallEdition.WriteTo(Content(temp));
        Folders.Copy(Repo.Templates, Path.Combine(temp.Path, "theme"));
        File.AppendAllText(Content(temp, "small", "ar", "01-almqdma.md"), "\n^^^\n![صورة](media/x.webp)\n^^^\n");
        temp.File("content/small/ar/media/x.webp", Convert.FromBase64String("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA=="));
        static List<Diagnostic> Warnings(FolderBuilds.Built run) => run.Diagnostics.Items.Where(d => d.Severity == Severity.Warning).ToList();

        var first = Build(temp);
        var second = Build(temp);

        Assert.True(first.Succeeded, first.Said);
        Assert.Contains(first.Diagnostics.Items, d => d is { Severity: Severity.Warning, Code: "EB0704" });
        Assert.Equal(Warnings(first), Warnings(second));
        AssertEqualsCleanBuild(temp);
    }

    [Fact]
    public void Given_an_unchanged_article_When_the_page_it_links_to_loses_its_note_Then_the_rebuild_reports_the_broken_fragment()
    {
        // The linking article is replayed from the cache; its link leaves it, so it is checked again against the edited article.
        using var temp = new TempFolder();
        SmallEdition.WriteTo(Content(temp));
        foreach (var name in new[] { "second", "third" }) Folders.Copy(Content(temp, "small"), Content(temp, name));
        Folders.Copy(Repo.Templates, Path.Combine(temp.Path, "theme"));
        Edit(temp, "link to another article's note");
        Assert.True(Build(temp).Succeeded);
        Assert.True(Build(temp).Succeeded);
        var site = Folders.Snapshot(Path.Combine(temp.Path, "site"));

        var third = Content(temp, "third", "ar", "01-almqdma.md");
        File.WriteAllText(third, File.ReadAllText(third).Replace("يحيل[^1] ويحيل مرة ثانية[^1]", "يحيل", StringComparison.Ordinal)
            .Replace("[^1]: ملاحظة أولى\\\n    www.example.org/a", string.Empty, StringComparison.Ordinal));
        var broken = Build(temp);

        Assert.False(broken.Succeeded);
        Assert.Equal((1, 2), Rendered(broken));
        Assert.Contains(broken.Diagnostics.Items, d => d.Severity == Severity.Error
            && (d.Path + d.Message).Contains("second/02-alkhatma.html", StringComparison.Ordinal) && d.Message.Contains("#fn-1", StringComparison.Ordinal));
        Assert.Equal(site, Folders.Snapshot(Path.Combine(temp.Path, "site")));
    }

    [Fact]
    public void Given_a_link_broken_within_an_article_When_rebuilt_unchanged_Then_it_is_reported_every_time()
    {
        // An article is cached only once the site's links are checked: a failed build never lets its own links go unchecked later.
        using var temp = new TempFolder();
        SmallEdition.WriteTo(Content(temp));
        Folders.Copy(Repo.Templates, Path.Combine(temp.Path, "theme"));
        Assert.True(Build(temp).Succeeded);
        File.AppendAllText(Content(temp, "small", "ar", "02-alkhatma.md"), "\nانظر [الفصل المفقود](03-mafqud.html).\n");

        var first = Build(temp);
        var second = Build(temp);

        Assert.False(first.Succeeded);
        Assert.False(second.Succeeded);
        Assert.Contains(second.Diagnostics.Items, d => d.Severity == Severity.Error && d.Message.Contains("03-mafqud.html", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_link_broken_in_a_chapter_When_built_Then_the_error_is_at_its_line_and_column_in_the_Markdown_once()
    {
        // The page is never written (the build fails), so the error names where the author wrote the link; the full text, which
        // holds the same link, adds no second error.
        using var temp = new TempFolder();
        SmallEdition.WriteTo(Content(temp));
        Folders.Copy(Repo.Templates, Path.Combine(temp.Path, "theme"));
        var chapter = Content(temp, "small", "ar", "02-alkhatma.md");
        File.AppendAllText(chapter, "\nانظر [الفصل المفقود](03-mafqud.html) و[النص](01-almqdma.html#la-yujad).\n");
        var lines = File.ReadAllLines(chapter);
        var line = Array.FindIndex(lines, l => l.Contains("03-mafqud", StringComparison.Ordinal));

        var built = Build(temp);

        Assert.False(built.Succeeded);
        var errors = built.Diagnostics.Items.Where(d => d.Severity == Severity.Error && d.Code.StartsWith("EB04", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                new Diagnostic(Severity.Error, "EB0401", chapter, line + 1, lines[line].IndexOf('[', StringComparison.Ordinal) + 1, "the link '03-mafqud.html' leads to no file of the site"),
                new Diagnostic(Severity.Error, "EB0402", chapter, line + 1, lines[line].LastIndexOf('[') + 1, "the link '01-almqdma.html#la-yujad' names a fragment #la-yujad that small/01-almqdma.html does not have"),
            ],
            errors);
    }
}

using EditionBuilder.Build;
using EditionBuilder.Diagnostics;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Build;

/// <summary>The live preview renders again only the article an edit touches, and its site is always what a fresh preview of the same files shows.</summary>
public sealed class PreviewBuildTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string Content => Path.Combine(_temp.Path, "content");

    private string Templates => Path.Combine(_temp.Path, "templates");

    public PreviewBuildTests()
    {
        SmallEdition.WriteTo(Content);
        var first = Path.Combine(Content, "small");
        foreach (var name in new[] { "second", "third" }) Folders.Copy(first, Path.Combine(Content, name));
        Folders.Copy(Repo.Templates, Templates);
    }

    public void Dispose() => _temp.Dispose();

    private PreviewBuild.Report Rebuild(PreviewBuild build, params string[]? changed)
    {
        var diagnostics = new DiagnosticBag();
        var report = build.Rebuild(changed, diagnostics);
        Assert.Equal(report.Succeeded, !diagnostics.HasErrors);
        return report;
    }

    private IReadOnlyDictionary<string, byte[]> Fresh()
    {
        var build = new PreviewBuild(Content, Templates);
        Assert.True(Rebuild(build, null).Succeeded);
        return build.Files;
    }

    private static void AssertSameSite(IReadOnlyDictionary<string, byte[]> expected, IReadOnlyDictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in expected) Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), path);
    }

    private void Edit(string relative, string from, string to)
    {
        var path = Path.Combine(Content, relative);
        File.WriteAllText(path, File.ReadAllText(path).Replace(from, to, StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_previewed_journal_When_one_chapter_is_edited_Then_only_its_article_renders_and_the_site_equals_a_fresh_preview()
    {
        var build = new PreviewBuild(Content, Templates);
        Assert.Equal(3, Rebuild(build, null).ArticlesRendered);

        Edit("second/ar/02-alkhatma.md", "خاتمة[^2].", "خاتمة منقحة[^2].");
        var report = Rebuild(build, Path.Combine(Content, "second", "ar", "02-alkhatma.md"));

        Assert.Equal((true, 1, 3), (report.Succeeded, report.ArticlesRendered, report.Articles));
        Assert.Contains("خاتمة منقحة", System.Text.Encoding.UTF8.GetString(build.Files["second/02-alkhatma.html"]));
        AssertSameSite(Fresh(), build.Files);
    }

    [Fact]
    public void Given_a_previewed_journal_When_a_title_changes_Then_the_journal_index_shows_it()
    {
        var build = new PreviewBuild(Content, Templates);
        Rebuild(build, null);

        Edit("third/article.yml", "ar: مقال صغير", "ar: مقال ثالث");
        var report = Rebuild(build, Path.Combine(Content, "third", "article.yml"));

        Assert.Equal(1, report.ArticlesRendered);
        Assert.Contains("مقال ثالث", System.Text.Encoding.UTF8.GetString(build.Files["index.html"]));
        AssertSameSite(Fresh(), build.Files);
    }

    [Fact]
    public void Given_a_previewed_journal_When_a_template_or_the_set_of_articles_changes_Then_everything_renders()
    {
        var build = new PreviewBuild(Content, Templates);
        Rebuild(build, null);

        File.AppendAllText(Path.Combine(Templates, "chapter.html"), "\n<p class=\"added\">x</p>\n");
        Assert.Equal(3, Rebuild(build, Path.Combine(Templates, "chapter.html")).ArticlesRendered);
        Assert.Contains("class=\"added\"", System.Text.Encoding.UTF8.GetString(build.Files["small/01-almqdma.html"]));

        Folders.Copy(Path.Combine(Content, "small"), Path.Combine(Content, "fourth"));
        var report = Rebuild(build, Path.Combine(Content, "fourth"));
        Assert.Equal((4, 4), (report.ArticlesRendered, report.Articles));
        AssertSameSite(Fresh(), build.Files);
    }

    [Fact]
    public void Given_a_previewed_journal_When_an_edit_breaks_a_chapter_Then_the_rebuild_fails_and_the_last_good_site_stays()
    {
        var build = new PreviewBuild(Content, Templates);
        Rebuild(build, null);
        var before = build.Files;

        File.AppendAllText(Path.Combine(Content, "second", "ar", "02-alkhatma.md"), "\nإحالة بلا ملاحظة[^77].\n");
        var diagnostics = new DiagnosticBag();
        var report = build.Rebuild([Path.Combine(Content, "second", "ar", "02-alkhatma.md")], diagnostics);

        Assert.False(report.Succeeded);
        Assert.Contains(diagnostics.Items, d => d.Code == DiagnosticCodes.ChapterNoteUndefined);
        Assert.Same(before, build.Files);
    }
}

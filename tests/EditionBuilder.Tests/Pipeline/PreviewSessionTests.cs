using EditionBuilder.Diagnostics;
using EditionBuilder.Pipeline;
using EditionBuilder.Tests.Support;
using EditionBuilder.Themes;
using Xunit;

namespace EditionBuilder.Tests.Pipeline;

/// <summary>The live preview runs the one pipeline: it renders again only the articles an edit touches, verifies like a build, and always equals a fresh preview of the same files.</summary>
public sealed class PreviewSessionTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string Content => Path.Combine(_temp.Path, "content");

    private string Templates => Path.Combine(_temp.Path, "templates");

    public PreviewSessionTests()
    {
        SmallEdition.WriteTo(Content);
        var first = Path.Combine(Content, "small");
        foreach (var name in new[] { "second", "third" }) Folders.Copy(first, Path.Combine(Content, name));
        Folders.Copy(Repo.Templates, Templates);
    }

    public void Dispose() => _temp.Dispose();

    private PreviewSession Session() => new(Content, diagnostics => Theme.Load(Templates, diagnostics));

    private static BuildReport Rebuild(PreviewSession session)
    {
        var diagnostics = new DiagnosticBag();
        var report = session.Rebuild(diagnostics);
        Assert.True(report.Succeeded, string.Join('\n', diagnostics.Items));
        return report.Build!;
    }

    private IReadOnlyDictionary<string, byte[]> Fresh()
    {
        var session = Session();
        Rebuild(session);
        return session.Files;
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
        var session = Session();
        Assert.Equal(3, Rebuild(session).ArticlesRendered);

        Edit("second/ar/02-alkhatma.md", "خاتمة[^2].", "خاتمة منقحة[^2].");
        var report = Rebuild(session);

        Assert.Equal((1, 3), (report.ArticlesRendered, report.Articles));
        Assert.Contains("خاتمة منقحة", System.Text.Encoding.UTF8.GetString(session.Files["second/02-alkhatma.html"]));
        AssertSameSite(Fresh(), session.Files);
    }

    [Fact]
    public void Given_a_previewed_journal_When_a_title_changes_Then_the_journal_index_shows_it()
    {
        var session = Session();
        Rebuild(session);

        Edit("third/article.yml", "ar: مقال صغير", "ar: مقال ثالث");
        var report = Rebuild(session);

        Assert.Equal(1, report.ArticlesRendered);
        Assert.Contains("مقال ثالث", System.Text.Encoding.UTF8.GetString(session.Files["index.html"]));
        AssertSameSite(Fresh(), session.Files);
    }

    [Fact]
    public void Given_a_previewed_journal_When_a_template_changes_Then_everything_renders_and_a_new_article_renders_alone()
    {
        var session = Session();
        Rebuild(session);

        File.AppendAllText(Path.Combine(Templates, "chapter.html"), "\n<p class=\"added\">x</p>\n");
        Assert.Equal(3, Rebuild(session).ArticlesRendered);
        Assert.Contains("class=\"added\"", System.Text.Encoding.UTF8.GetString(session.Files["small/01-almqdma.html"]));

        Folders.Copy(Path.Combine(Content, "small"), Path.Combine(Content, "fourth"));
        var report = Rebuild(session);
        Assert.Equal((1, 4), (report.ArticlesRendered, report.Articles));
        AssertSameSite(Fresh(), session.Files);
    }

    [Fact]
    public void Given_a_previewed_journal_When_an_edit_breaks_a_chapter_Then_the_rebuild_fails_and_the_last_good_site_stays_until_the_next_good_edit()
    {
        var session = Session();
        Rebuild(session);
        var before = session.Files;
        var chapter = Path.Combine(Content, "second", "ar", "02-alkhatma.md");
        var good = File.ReadAllText(chapter);

        File.AppendAllText(chapter, "\nإحالة بلا ملاحظة[^77].\n");
        var diagnostics = new DiagnosticBag();
        var report = session.Rebuild(diagnostics);

        Assert.False(report.Succeeded);
        Assert.Contains(diagnostics.Items, d => d.Code == DiagnosticCodes.ChapterNoteUndefined);
        Assert.Same(before, session.Files);

        File.WriteAllText(chapter, good.Replace("خاتمة[^2].", "خاتمة مصححة[^2].", StringComparison.Ordinal));
        Rebuild(session);
        Assert.Contains("خاتمة مصححة", System.Text.Encoding.UTF8.GetString(session.Files["second/02-alkhatma.html"]));
    }

    [Fact]
    public void Given_a_template_that_links_to_a_missing_page_When_previewed_Then_the_broken_link_is_reported_as_a_build_reports_it()
    {
        File.AppendAllText(Path.Combine(Templates, "chapter.html"), "\n<a href=\"{{ page.root }}missing.html\">x</a>\n");
        var diagnostics = new DiagnosticBag();

        var report = Session().Rebuild(diagnostics);

        Assert.False(report.Succeeded);
        Assert.Contains(diagnostics.Items, d => d.Code == DiagnosticCodes.BrokenLink && d.Path == "small/01-almqdma.html");
    }

    [SkippableFact]
    public async Task Given_search_When_the_preview_rebuilds_Then_the_pages_come_at_once_and_the_index_follows_and_is_made_again_after_an_edit()
    {
        var reports = new List<PreviewIndexReport>();
        var session = new PreviewSession(Content, diagnostics => Theme.Load(Templates, diagnostics), Tools.RequirePagefind(), r => { lock (reports) reports.Add(r); });

        Rebuild(session);
        Assert.True(session.Files.ContainsKey("search.html"));
        await session.Indexed.WaitAsync(TimeSpan.FromMinutes(2));
        var first = session.Files["pagefind/pagefind-entry.json"];
        Assert.Contains(session.Files.Keys, k => k.StartsWith("pagefind/fragment/", StringComparison.Ordinal));

        Rebuild(session);
        await session.Indexed.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Single(reports); // unchanged pages are not indexed again

        var chapter = Path.Combine(Content, "second", "ar", "02-alkhatma.md");
        File.WriteAllText(chapter, File.ReadAllText(chapter).Replace("خاتمة[^2].", "خاتمة عن المفاعلات[^2].", StringComparison.Ordinal));
        Rebuild(session);
        await session.Indexed.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(2, reports.Count);
        Assert.All(reports, r => Assert.True(r.Succeeded, r.Problem));
        Assert.NotEqual(first, session.Files["pagefind/pagefind-entry.json"]);
    }
}

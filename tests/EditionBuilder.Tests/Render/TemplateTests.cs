using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Tests.Support;
using EditionBuilder.Themes;
using Xunit;

namespace EditionBuilder.Tests.Render;

/// <summary>The templates: golden pages for a small edition, escaping of every value, and template errors with file and line.</summary>
public class TemplateTests
{
    private static Dictionary<string, string> ThemeTemplates() =>
        Directory.EnumerateFiles(Repo.Templates, "*.html", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/assets/", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(Repo.Templates, f).Replace('\\', '/'), File.ReadAllText);

    // The default theme with its templates replaced by the given ones, as one layer named "templates".
    private static Theme? Parse(Dictionary<string, string> templates, DiagnosticBag diagnostics)
    {
        var files = ThemeFolder.Read(Repo.Templates, new DiagnosticBag())!.Files
            .Where(f => !f.Key.EndsWith(".html", StringComparison.Ordinal) || f.Key.StartsWith("assets/", StringComparison.Ordinal))
            .ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        foreach (var (name, text) in templates) files[name] = System.Text.Encoding.UTF8.GetBytes(text);
        return EditionBuilder.Themes.Theme.Parse([new ThemeLayer("templates", files)], diagnostics);
    }

    private static Theme Theme(Dictionary<string, string>? templates = null, DiagnosticBag? diagnostics = null) =>
        Parse(templates ?? ThemeTemplates(), diagnostics ?? new DiagnosticBag())!;

    public static TheoryData<string> GoldenPages() =>
        new() { "index.html", "small/index.html", "small/01-almqdma.html", "small/02-alkhatma.html", "small/full.html", "small/en/index.html", "404.html" };

    [Theory]
    [MemberData(nameof(GoldenPages))]
    public void Given_a_small_edition_When_rendered_Then_each_page_matches_its_golden_file(string page)
    {
        var diagnostics = new DiagnosticBag();

        var files = Sites.Render(Theme(), SmallEdition.Content(), diagnostics);

        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics.Items));
        Golden.Matches(Path.Combine("render", page.Replace('/', '_')), files!.Single(f => f.Path == page).AsText());
    }

    [Fact]
    public void Given_metadata_holding_markup_When_rendered_Then_it_is_shown_as_text()
    {
        var diagnostics = new DiagnosticBag();

        var files = Sites.Render(Theme(), SmallEdition.Content("<script>alert(1)</script>", ["<img src=x onerror=alert(1)>"]), diagnostics)!;

        var landing = files.Single(f => f.Path == "small/index.html").AsText();
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", landing);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", landing);
        Assert.DoesNotContain("<script>alert", landing);
        Assert.DoesNotContain("<img", landing);
    }

    [Fact]
    public void Given_a_template_with_a_syntax_error_When_parsed_Then_the_error_names_the_file_and_line()
    {
        var templates = ThemeTemplates();
        templates["chapter.html"] = "<h1>\n{{ if model.chapter.title }\n";
        var diagnostics = new DiagnosticBag();

        Assert.Null(Parse(templates, diagnostics));

        var error = diagnostics.Items.First();
        Assert.Equal(DiagnosticCodes.TemplateError, error.Code);
        Assert.Equal(Path.Combine("templates", "chapter.html"), error.Path);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Given_a_misspelt_variable_When_rendered_Then_it_is_an_error_not_an_empty_string()
    {
        var templates = ThemeTemplates();
        templates["chapter.html"] = "<h1>{{ model.chapter.titel }}</h1>\n<p>{{ modle }}</p>";
        var diagnostics = new DiagnosticBag();

        var files = Sites.Render(Theme(templates), SmallEdition.Content(), diagnostics);

        Assert.Null(files);
        var error = diagnostics.Items.First(d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.TemplateError, error.Code);
        Assert.EndsWith("chapter.html", error.Path);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Given_an_include_that_leaves_the_templates_folder_When_rendered_Then_it_is_refused()
    {
        var templates = ThemeTemplates();
        templates["404.html"] = "{{ include '../../etc/passwd' }}";
        var diagnostics = new DiagnosticBag();

        var files = Sites.Render(Theme(templates), SmallEdition.Content(), diagnostics);

        Assert.Null(files);
        Assert.Contains(diagnostics.Items, d => d.Code == DiagnosticCodes.TemplateError && d.Message.Contains("leaves the templates folder", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_missing_page_template_When_loaded_Then_the_error_names_it()
    {
        var templates = ThemeTemplates();
        templates.Remove("fulltext.html");
        var diagnostics = new DiagnosticBag();

        Assert.Null(Parse(templates, diagnostics));
        Assert.Contains(diagnostics.Items, d => d.Path.EndsWith("fulltext.html", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_reference_to_a_note_no_chapter_defines_When_rendered_Then_the_error_points_at_the_reference()
    {
        var content = SmallEdition.Content();
        var article = content.Articles[0];
        var broken = article with { Chapters = [article.Chapters[0]] };

        var diagnostics = new DiagnosticBag();
        var files = Sites.Render(Theme(), content with { Articles = [broken] }, diagnostics);

        Assert.Null(files);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal("small/ar/01-almqdma.md:11:40: error EB0203: reference [^2] has no note 2 in any chapter", error.ToString());
    }
}

/// <summary>Long articles: a page larger than Scriban's default 1 MiB string limit is written whole.</summary>
public class LongPageTests
{
    [Fact]
    public void Given_a_chapter_of_several_megabytes_When_rendered_Then_its_page_is_not_cut()
    {
        var content = SmallEdition.Content();
        var article = content.Articles[0];
        var longText = string.Concat(Enumerable.Repeat("نص طويل جدًا يتكرر. ", 150_000)) + "آخر-كلمة";
        var chapter = article.Chapters[1] with { Text = article.Chapters[1].Text.Replace("خاتمة[^2].", longText + "[^2].", StringComparison.Ordinal) };
        var diagnostics = new DiagnosticBag();
        var theme = EditionBuilder.Themes.Theme.Load(Repo.Templates, diagnostics)!;

        var files = Sites.Render(theme, content with { Articles = [article with { Chapters = [article.Chapters[0], chapter] }] }, diagnostics)!;

        var page = files.Single(f => f.Path == "small/02-alkhatma.html").AsText();
        Assert.True(page.Length > 2_000_000);
        Assert.Contains("آخر-كلمة", page);
        Assert.EndsWith("</html>\n", page);
        Assert.Contains("آخر-كلمة", files.Single(f => f.Path == "small/full.html").AsText());
    }
}

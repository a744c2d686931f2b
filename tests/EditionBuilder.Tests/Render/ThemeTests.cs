using System.Text;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Render;

/// <summary>A publisher brands the edition without forking the theme: a theme folder overrides single files and single strings, edition.yml names a logo and colours.</summary>
public sealed class ThemeTests : IDisposable
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private readonly TempFolder _temp = new();

    public ThemeTests() => SmallEdition.WriteTo(Content);

    public void Dispose() => _temp.Dispose();

    private string Content => Path.Combine(_temp.Path, "content");

    private string Site(string path) => File.ReadAllText(Path.Combine(_temp.Path, "site", path));

    private FolderBuilds.Built Build(string? theme = null) => FolderBuilds.Run(Content, Path.Combine(_temp.Path, "site"), theme);

    [Fact]
    public void Given_a_content_theme_with_only_a_stylesheet_a_string_and_a_logo_When_built_Then_every_page_shows_all_three()
    {
        _temp.File("content/theme/assets/custom.css", "main { border-top: 4px solid #123456; }\n");
        _temp.File("content/theme/i18n/ar.yml", "contents: فهرس المقال\n");
        _temp.File("content/images/logo.png", Png);
        File.AppendAllText(Path.Combine(Content, "edition.yml"), "logo: images/logo.png\ncolours:\n  accent: \"#123456\"\n");

        var result = Build();

        Assert.True(result.Succeeded, result.Said);
        var landing = Site("small/index.html");
        var chapter = Site("small/01-almqdma.html");
        foreach (var page in new[] { landing, chapter })
        {
            // The default stylesheet, then the edition's colours, then the publisher's additions, each able to override the one before.
            var order = new[] { "assets/edition.css", "assets/colours.css", "assets/custom.css" }.Select(s => page.IndexOf(s, StringComparison.Ordinal)).ToList();
            Assert.All(order, i => Assert.True(i > 0));
            Assert.Equal(order.Order(), order);
            Assert.Contains("assets/logo.png\" alt=\"\"", page);
        }

        Assert.Contains("فهرس المقال", landing);
        Assert.Contains("فهرس المقال", chapter);
        Assert.DoesNotContain(">المحتويات<", landing);
        Assert.Equal(Png, File.ReadAllBytes(Path.Combine(_temp.Path, "site", "assets", "logo.png")));
        Assert.Contains("--accent:#123456", Site("assets/colours.css"));
        Assert.Contains("#123456", Site("assets/custom.css"));
        // The rest of the default theme is still there.
        Assert.True(File.Exists(Path.Combine(_temp.Path, "site", "assets", "notes.js")));
    }

    [Fact]
    public void Given_a_theme_folder_overriding_only_the_chapter_template_When_built_with_theme_Then_chapters_use_it_and_other_pages_the_default()
    {
        _temp.File("brand/chapter.html", "<article class=\"branded\"><h1>{{ model.chapter.title }}</h1>\n{{ model.chapter.body }}</article>\n");

        var result = Build(Path.Combine(_temp.Path, "brand"));

        Assert.True(result.Succeeded, result.Said);
        Assert.Contains("<article class=\"branded\">", Site("small/01-almqdma.html"));
        Assert.Contains("class=\"toc\"", Site("small/index.html"));
    }

    [Fact]
    public void Given_a_theme_string_missing_in_one_language_When_built_Then_an_error_names_the_key_and_the_file_and_nothing_is_written()
    {
        _temp.File("content/theme/i18n/ar.yml", "edition_motto: نص\n");

        var result = Build();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors("EB0607"), d => d.Message.StartsWith("the interface string 'edition_motto' has no en text; give it in i18n/en.yml", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, "site")));
    }

    [Fact]
    public void Given_a_template_using_an_unknown_string_When_built_Then_the_error_names_the_template_and_line()
    {
        _temp.File("content/theme/chapter.html", "<h1>{{ model.chapter.title }}</h1>\n{{ i18n.contnets }}\n");

        var result = Build();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics.Items, d => d.Severity == EditionBuilder.Diagnostics.Severity.Error && d.Path.EndsWith(Path.Combine("theme", "chapter.html"), StringComparison.Ordinal)
            && d.Line == 2 && d.Message.Contains("contnets", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("colours:\n  accent: red\n", "colours: accent is 'red'; write a colour as #rgb or #rrggbb")]
    [InlineData("colours:\n  background: \"#fff\"\n", "colours: 'background' is not a colour of the theme")]
    [InlineData("logo: missing.png\n", "logo: 'missing.png' is not a file inside the content folder")]
    [InlineData("logo: ../outside.png\n", "logo: '../outside.png' is not a file inside the content folder")]
    public void Given_a_bad_logo_or_colour_When_built_Then_exit_1_with_the_reason(string yaml, string message)
    {
        _temp.File("outside.png", Png);
        File.AppendAllText(Path.Combine(Content, "edition.yml"), yaml);

        var result = Build();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors("EB0606"), d => d.Message.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Given_an_svg_logo_with_a_script_When_built_Then_it_is_refused()
    {
        _temp.File("content/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
        File.AppendAllText(Path.Combine(Content, "edition.yml"), "logo: logo.svg\n");

        var result = Build();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors("EB0606"), d => d.Path.EndsWith("logo.svg", StringComparison.Ordinal) && (d.Line, d.Column) == (1, 42)
            && d.Message.StartsWith("the logo cannot be used: this SVG cannot be published safely: it holds a <script> element", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_the_library_sources_Then_no_interface_text_is_written_in_CSharp_outside_the_readers_of_the_authors_language()
    {
        // Interface strings live in the theme's i18n files. Readers of the author's text must know Arabic words: the importers (Import/),
        // slugs (Model/) and the recognizers of dates and punctuation in notes (Markdown/Links/); nothing else may.
        var src = Path.Combine(Repo.Root, "src", "EditionBuilder");
        var offenders = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Import{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Model{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Links{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadLines(f, Encoding.UTF8).Any(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal) && !line.TrimStart().StartsWith("///", StringComparison.Ordinal)
                && line.Any(c => c is >= '\u0600' and <= '\u06FF')))
            .Select(f => Path.GetRelativePath(src, f))
            .ToList();

        Assert.Empty(offenders);
    }
}

/// <summary>404.html is shown by servers at any address: it never relies on where it is.</summary>
public class NotFoundPageTests
{
    [Fact]
    public void Given_no_base_url_When_the_404_page_is_built_Then_it_uses_no_relative_link_or_asset()
    {
        var diagnostics = new EditionBuilder.Diagnostics.DiagnosticBag();

        var files = Sites.Build(EditionBuilder.Themes.Theme.Load(Repo.Templates, diagnostics)!, SmallEdition.Content(), diagnostics)!;

        var page = files.Single(f => f.Path == "404.html").AsText();
        Assert.DoesNotContain("href=\"", page.Replace("href=\"#main\"", string.Empty, StringComparison.Ordinal));
        Assert.DoesNotContain("src=", page);
        Assert.Contains("الصفحة غير موجودة", page);
    }

    [Fact]
    public void Given_a_base_url_in_a_sub_path_When_the_404_page_is_built_Then_its_links_resolve_against_that_path()
    {
        var content = SmallEdition.Content();
        content.Edition.BaseUrl = "https://example.org/editions/ar/";
        var diagnostics = new EditionBuilder.Diagnostics.DiagnosticBag();

        var files = Sites.Build(EditionBuilder.Themes.Theme.Load(Repo.Templates, diagnostics)!, content, diagnostics)!;

        var page = files.Single(f => f.Path == "404.html").AsText();
        Assert.Contains("<base href=\"/editions/ar/\"", page);
        Assert.Contains("base-uri 'self'", page);
        Assert.Contains("href=\"assets/edition.css\"", page);
        Assert.Contains("base-uri 'none'", files.Single(f => f.Path == "index.html").AsText());
    }
}

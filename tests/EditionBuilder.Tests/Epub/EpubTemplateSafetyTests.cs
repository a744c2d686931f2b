using System.Text;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Pipeline;
using EditionBuilder.Tests.Support;
using EditionBuilder.Themes;
using Xunit;

namespace EditionBuilder.Tests.Epub;

/// <summary>A theme's e-book templates are held to what its site templates are (no script, no handler, nothing from outside: EB0407, EB0406), and a template that is not XML is the theme's error at its own line (EB0611), not an internal one.</summary>
public class EpubTemplateSafetyTests
{
    private static readonly string Chapter = File.ReadAllText(Path.Combine(Repo.Templates, "epub", "chapter.html"));

    // The default theme with its e-book chapter template's heading line replaced.
    private static (IReadOnlyList<Site.SiteFile>? Files, DiagnosticBag Diagnostics) BuildWithChapterHeading(string heading)
    {
        var lines = Chapter.Split('\n');
        Assert.StartsWith("<h1", lines[1]);
        lines[1] = heading;
        var files = ThemeFolder.Read(Repo.Templates, new DiagnosticBag())!.Files.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        files["epub/chapter.html"] = Encoding.UTF8.GetBytes(string.Join('\n', lines));
        var diagnostics = new DiagnosticBag();
        var theme = Theme.Parse([new ThemeLayer("templates", files)], diagnostics);
        Assert.True(theme is not null, string.Join('\n', diagnostics.Items));
        return (SiteBuild.InMemory(SmallEdition.Content(), theme, BuildOptions.Uncompressed, diagnostics), diagnostics);
    }

    [Theory]
    [InlineData("<h1 id=\"{{ model.id }}\">{{ model.title }}<script>alert(1)</script></h1>", "EB0407", 42)]
    [InlineData("<h1 id=\"{{ model.id }}\" onclick=\"alert(1)\">{{ model.title }}</h1>", "EB0407", 1)]
    [InlineData("<h1 id=\"{{ model.id }}\">{{ model.title }}<img src=\"https://tracker.example/t.png\" alt=\"\"/></h1>", "EB0406", 42)]
    [InlineData("<h1 id=\"{{ model.id }}\">{{ model.title }}<img src=\"//tracker.example/t.png\" alt=\"\"/></h1>", "EB0406", 42)]
    [InlineData("<h1 id=\"{{ model.id }}\" style=\"background:url(https://tracker.example/t.png)\">{{ model.title }}</h1>", "EB0406", 1)]
    public void Given_an_e_book_template_with_a_script_a_handler_or_a_remote_image_When_built_Then_the_template_is_refused_at_its_line(string heading, string code, int column)
    {
        var (files, diagnostics) = BuildWithChapterHeading(heading);

        Assert.Null(files);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(code, error.Code);
        Assert.Equal(Path.Combine("templates", "epub", "chapter.html"), error.Path);
        Assert.Equal(2, error.Line);
        Assert.Equal(column, error.Column);
    }

    [Fact]
    public void Given_an_e_book_partial_with_an_event_handler_When_built_Then_the_partial_is_refused_at_its_line()
    {
        var files = ThemeFolder.Read(Repo.Templates, new DiagnosticBag())!.Files.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        files["epub/chapter.html"] = Encoding.UTF8.GetBytes(Chapter.Replace("{{ model.body }}", "{{ model.body }}\n{{ include 'epub/partials/seal.html' }}", StringComparison.Ordinal));
        files["epub/partials/seal.html"] = Encoding.UTF8.GetBytes("<p class=\"seal\">\n<span onmouseover=\"alert(1)\">ختم</span></p>\n");
        var diagnostics = new DiagnosticBag();
        var theme = Theme.Parse([new ThemeLayer("templates", files)], diagnostics)!;

        var built = SiteBuild.InMemory(SmallEdition.Content(), theme, BuildOptions.Uncompressed, diagnostics);

        Assert.Null(built);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCodes.InlineScript, error.Code);
        Assert.Equal(Path.Combine("templates", "epub", "partials", "seal.html"), error.Path);
        Assert.Equal((2, 1), (error.Line, error.Column));
    }

    [Fact]
    public void Given_a_malformed_e_book_chapter_template_When_built_Then_EB0611_names_its_line_and_not_an_internal_error()
    {
        var (files, diagnostics) = BuildWithChapterHeading("<h1 id=\"{{ model.id }}\">{{ model.title }}<br></h1>");

        Assert.Null(files);
        Assert.DoesNotContain(diagnostics.Items, d => d.Code == DiagnosticCodes.EpubNotWellFormed);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCodes.EpubTemplateNotXml, error.Code);
        Assert.Equal(Path.Combine("templates", "epub", "chapter.html"), error.Path);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Given_the_default_theme_When_its_e_book_is_built_Then_its_templates_pass_the_same_checks()
    {
        var diagnostics = new DiagnosticBag();

        var files = SiteBuild.InMemory(SmallEdition.Content(), SeedSite.Get().Templates, BuildOptions.Uncompressed, diagnostics);

        Assert.True(files is not null, string.Join('\n', diagnostics.Items));
        Assert.Contains(files, f => f.Path == "small/small.epub");
    }
}

using System.Diagnostics;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Tests.Support;
using EditionBuilder.Themes;
using Xunit;

namespace EditionBuilder.Tests.Render;

/// <summary>A theme's strings cannot fail or flood a build: format strings are checked when the theme is read, and a string a template grows without bound is stopped at its line.</summary>
public class ThemeLimitTests
{
    // The default theme with some files replaced, as one layer named "templates".
    private static Theme? Parse(Dictionary<string, string> replaced, DiagnosticBag diagnostics)
    {
        var files = ThemeFolder.Read(Repo.Templates, new DiagnosticBag())!.Files.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        foreach (var (name, text) in replaced) files[name] = System.Text.Encoding.UTF8.GetBytes(text);
        return Theme.Parse([new ThemeLayer("templates", files)], diagnostics);
    }

    private static string WithLine(string i18nFile, string key, string line)
    {
        var lines = File.ReadAllLines(Path.Combine(Repo.Templates, "i18n", i18nFile)).ToList();
        var at = lines.FindIndex(l => l.StartsWith(key + ":", StringComparison.Ordinal));
        Assert.True(at >= 0, $"{key} is not in {i18nFile}");
        lines[at] = line;
        return string.Join('\n', lines) + "\n";
    }

    [Theory]
    [InlineData("paragraph_label: \"{0} {1} {99}\"", "'{1}'", 18)]
    [InlineData("paragraph_label: \"الفقرة {0,999999}\"", "'{0,999999}'", 18)]
    [InlineData("paragraph_label: \"الفقرة } {0}\"", "'}'", 18)]
    [InlineData("back_link_label: \"العودة {\"", "'{'", 18)]
    [InlineData("back_link_label: \"{:x}\"", "'{:x}'", 18)]
    public void Given_a_format_string_with_more_than_its_value_When_the_theme_is_read_Then_EB0607_at_the_string(string line, string shown, int column)
    {
        var key = line[..line.IndexOf(':')];
        var diagnostics = new DiagnosticBag();

        var theme = Parse(new() { ["i18n/ar.yml"] = WithLine("ar.yml", key, line) }, diagnostics);

        Assert.Null(theme);
        var error = Assert.Single(diagnostics.Items, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.ThemeFileInvalid, error.Code);
        Assert.Equal(Path.Combine("templates", "i18n/ar.yml"), error.Path);
        var expectedLine = File.ReadAllLines(Path.Combine(Repo.Templates, "i18n", "ar.yml")).ToList().FindIndex(l => l.StartsWith(key + ":", StringComparison.Ordinal)) + 1;
        Assert.Equal((expectedLine, column), (error.Line, error.Column));
        Assert.Contains(shown + " is not allowed", error.Message);
    }

    [Fact]
    public void Given_format_strings_with_their_value_and_doubled_braces_When_rendered_Then_they_are_filled_in()
    {
        var diagnostics = new DiagnosticBag();
        var theme = Parse(new() { ["i18n/ar.yml"] = WithLine("ar.yml", "paragraph_label", "paragraph_label: \"{{الفقرة}} {0}\"") }, diagnostics);
        Assert.True(theme is not null, string.Join("\n", diagnostics.Items));

        var files = Sites.Render(theme, SmallEdition.Content(), diagnostics)!;

        Assert.Contains("\"{الفقرة} 1", files.Single(f => f.Path == "small/01-almqdma.html").AsText());
    }

    [Fact]
    public void Given_a_theme_format_string_with_a_second_value_When_built_Then_not_succeeded_with_the_error_at_its_line()
    {
        using var temp = new TempFolder();
        SmallEdition.WriteTo(Path.Combine(temp.Path, "content"));
        var strings = temp.File("content/theme/i18n/ar.yml", "notes_heading: الهوامش\nparagraph_label: \"{0} {1} {99}\"\n");

        var built = FolderBuilds.Run(Path.Combine(temp.Path, "content"), Path.Combine(temp.Path, "site"));

        Assert.False(built.Succeeded);
        var error = Assert.Single(built.Errors(DiagnosticCodes.ThemeFileInvalid));
        Assert.Equal((strings, 2, 18), (error.Path, error.Line, error.Column));
        Assert.StartsWith("'paragraph_label' may hold {0}", error.Message);
        Assert.DoesNotContain("Exception", built.Said);
        Assert.False(Directory.Exists(Path.Combine(temp.Path, "site")));
    }

    [Fact]
    public void Given_a_template_that_doubles_a_string_forty_times_When_rendered_Then_it_stops_at_the_cap_with_an_error_at_its_line()
    {
        var diagnostics = new DiagnosticBag();
        var theme = Parse(new() { ["chapter.html"] = "<p>\n{{ s = \"ab\"\n for i in 1..40\n   s = s + s\n end }}</p>" }, diagnostics)!;
        // No clock: without the cap, forty doublings ask for a terabyte and the test never ends (speed is the benchmarks' job).
        var files = Sites.Render(theme, SmallEdition.Content(), diagnostics);

        Assert.Null(files);
        var error = diagnostics.Items.First(d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticCodes.TemplateError, error.Code);
        Assert.EndsWith("chapter.html", error.Path);
        Assert.Equal(4, error.Line);
    }
}

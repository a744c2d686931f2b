using EditionBuilder.Markdown;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Markdown;

/// <summary>Runs Specs/NotesSpecs.md: each example's Markdown must render to exactly its HTML, as in Markdig's own spec files.</summary>
public class NotesSpecTests
{
    private const string Fence = "````````````````````````````````";

    public static TheoryData<string, string, string> Examples()
    {
        var data = new TheoryData<string, string, string>();
        var lines = File.ReadAllText(Path.Combine(Repo.TestsFolder, "Specs", "NotesSpecs.md")).Split('\n');
        var heading = string.Empty;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("## ", StringComparison.Ordinal)) heading = lines[i][3..];
            if (lines[i] != Fence + " example") continue;
            var dot = Array.IndexOf(lines, ".", i + 1);
            var end = Array.IndexOf(lines, Fence, dot + 1);
            data.Add(heading, string.Join('\n', lines[(i + 1)..dot]) + "\n", string.Join('\n', lines[(dot + 1)..end]) + "\n");
            i = end;
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Given_a_spec_example_When_rendered_Then_the_HTML_is_exactly_the_expected(string name, string markdown, string html)
    {
        // The strings of the default theme, as the site renders notes.
        var theme = EditionBuilder.Themes.Theme.Load(Repo.Templates, new EditionBuilder.Diagnostics.DiagnosticBag())!.NoteOptions();
        var pipeline = EditionMarkdown.CreatePipeline(options =>
        {
            options.NotesHeading = theme.NotesHeading;
            options.EndnotesHeading = theme.EndnotesHeading;
            options.BackLinkLabel = theme.BackLinkLabel;
            options.BackLinkText = theme.BackLinkText;
            options.ArchivedCopyLabel = theme.ArchivedCopyLabel;
        });

        var actual = Markdig.Markdown.ToHtml(markdown, pipeline);

        Assert.True(html == actual, $"{name}\nexpected:\n{html}\nactual:\n{actual}");
    }
}

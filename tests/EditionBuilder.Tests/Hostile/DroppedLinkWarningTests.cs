using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Parse;
using Xunit;

namespace EditionBuilder.Tests.Hostile;

/// <summary>A link or image a chapter cannot keep (a scheme that runs or opens something, an image from outside the site) is shown as its text, and the build says so at its place in the Markdown (EB0401, a warning).</summary>
public class DroppedLinkWarningTests
{
    private const string Front = "---\ntitle: \"أ\"\nlang: ar\ndir: rtl\norder: 1\nslug: 01-x\n---\n\n";

    [Theory]
    [InlineData("نص [رابط](javascript:alert(1))", 4, "javascript:alert(1)")]
    [InlineData("نص [رابط](data:text/html,x)", 4, "data:text/html,x")]
    [InlineData("نص [رابط](file:///etc/passwd)", 4, "file:///etc/passwd")]
    [InlineData("نص [رابط](vbscript:x)", 4, "vbscript:x")]
    [InlineData("نص ![صورة](https://tracker.example/x.png)", 4, "https://tracker.example/x.png")]
    [InlineData("نص ![صورة](//tracker.example/x.png)", 4, "//tracker.example/x.png")]
    [InlineData("نص <javascript:alert(1)>", 4, "javascript:alert(1)")]
    public void Given_a_chapter_with_a_link_it_cannot_keep_When_parsed_Then_EB0401_warns_at_the_link(string line, int column, string url)
    {
        var diagnostics = new DiagnosticBag();

        var chapter = new ArticleParser().Parse(new MarkdownFile("ar/01-x.md", Front + "فقرة أولى.\n\n" + line + "\n"), diagnostics);

        Assert.NotNull(chapter);
        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticCodes.BrokenLink, warning.Code);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal("ar/01-x.md", warning.Path);
        Assert.Equal(11, warning.Line);
        Assert.Equal(column, warning.Column);
        Assert.Contains(url, warning.Message);
    }

    [Fact]
    public void Given_a_chapter_with_only_links_it_keeps_When_parsed_Then_nothing_is_said()
    {
        var diagnostics = new DiagnosticBag();

        new ArticleParser().Parse(new MarkdownFile("ar/01-x.md", Front + "[أ](https://example.org) [ب](02-y.html#p1) [ج](mailto:a@example.org) ![د](media/x.png) <https://example.org>\n"), diagnostics);

        Assert.Empty(diagnostics.Items);
    }
}

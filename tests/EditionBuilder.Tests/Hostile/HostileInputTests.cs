using System.Text;
using AngleSharp.Html.Parser;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Markdown;
using EditionBuilder.Site;
using EditionBuilder.Tests.Support;
using EditionBuilder.Themes;
using Xunit;

namespace EditionBuilder.Tests.Hostile;

/// <summary>Whatever in the text or metadata looks like markup or code is shown as text: no script runs, no link leads to javascript:, no control character acts.</summary>
public class HostileInputTests
{
    private const string Payloads = "<script>alert(1)</script> <img src=x onerror=alert(2)> *نجمة* _خط_ `شيفرة` [رابط](javascript:alert(3)) javascript:alert(4) data:text/html,<b>x</b> &lt;b&gt; \u202Eمعكوس\u202C \u0007جرس";

    private static readonly HtmlParser Parser = new();

    private static IReadOnlyList<SiteFile> BuildSource(string source, DiagnosticBag diagnostics)
    {
        var folder = Directory.CreateTempSubdirectory("eb-hostile-").FullName;
        try
        {
            var path = Path.Combine(folder, "hostile.txt");
            File.WriteAllText(path, source);
            var content = ContentFolder.ReadSource(path, diagnostics);
            Assert.NotNull(content);
            var templates = Theme.Load(Repo.Templates, diagnostics)!;
            var files = Sites.Build(templates, content, diagnostics);
            Assert.True(files is not null, string.Join('\n', diagnostics.Items));
            return files;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string HostileSource() =>
        $"# عنوان <b>خطير</b>\n[bookmark: _ftnref1]فقرة {Payloads}[1].\n\n" +
        $"[1]- ملاحظة {Payloads}\n" +
        "<script>alert(5)</script> The title of the abstract\n" +
        $"The abstract paragraph holds {Payloads} and it is long enough to be taken for an abstract by the reader of the source text.\n";

    [Fact]
    public void Given_a_source_full_of_scripts_markup_and_javascript_links_When_built_Then_every_page_shows_them_as_text_and_runs_nothing()
    {
        var diagnostics = new DiagnosticBag();

        var files = BuildSource(HostileSource(), diagnostics);

        var chapter = files.Single(f => System.Text.RegularExpressions.Regex.IsMatch(f.Path, @"^[a-z0-9-]+/01-[a-z0-9-]+\.html$"));
        var text = Parser.ParseDocument(chapter.AsText()).QuerySelector("main")!.TextContent;
        Assert.Contains("<script>alert(1)</script>", text);
        Assert.Contains("<img src=x onerror=alert(2)>", text);
        Assert.Contains("*نجمة* _خط_ `شيفرة` [رابط](javascript:alert(3)) javascript:alert(4)", text);
        Assert.Contains("&lt;b&gt;", text);
        Assert.Contains("U+202E", text);
        Assert.Contains("U+0007", text);
        Assert.Contains(diagnostics.Items, d => d.Code == DiagnosticCodes.ControlCharacter);

        foreach (var page in files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)))
        {
            var document = Parser.ParseDocument(page.AsText());
            Assert.All(document.QuerySelectorAll("script:not([type='application/ld+json'])"), s => Assert.Equal("assets/notes.js", s.GetAttribute("src")!.Replace("../", string.Empty, StringComparison.Ordinal)));
            Assert.All(document.QuerySelectorAll("script[type='application/ld+json']"), s =>
            {
                using var json = System.Text.Json.JsonDocument.Parse(s.TextContent);
                Assert.Equal("ScholarlyArticle", json.RootElement.GetProperty("@type").GetString());
            });
            Assert.DoesNotContain(document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
            Assert.DoesNotContain(document.QuerySelectorAll("[href], [src]"), e =>
                (e.GetAttribute("href") ?? e.GetAttribute("src"))!.TrimStart().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
                || (e.GetAttribute("href") ?? e.GetAttribute("src"))!.TrimStart().StartsWith("data:", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(document.QuerySelectorAll("img, b, em, strong, code:not(.control-char)"), _ => true);
            var csp = document.QuerySelector("meta[http-equiv=Content-Security-Policy]")!.GetAttribute("content")!;
            Assert.Contains("script-src 'self'", csp);
            Assert.DoesNotContain("unsafe", csp);
        }
    }

    [Theory]
    [InlineData("[رابط](javascript:alert(1))", "رابط")]
    [InlineData("[رابط](JaVaScRiPt:alert(1))", "رابط")]
    [InlineData("[رابط](java\tscript:alert(1))", "رابط")]
    [InlineData("[رابط](data:text/html,x)", "رابط")]
    [InlineData("[رابط](vbscript:x)", "رابط")]
    [InlineData("![صورة](https://tracker.example/x.png)", "صورة")]
    [InlineData("<javascript:alert(1)>", null)]
    public void Given_hand_written_Markdown_with_an_unsafe_link_When_rendered_Then_only_its_text_remains(string markdown, string? text)
    {
        var html = Markdig.Markdown.ToHtml(markdown, EditionMarkdown.CreatePipeline());

        var document = Parser.ParseDocument(html);
        Assert.Empty(document.QuerySelectorAll("a, img"));
        if (text is not null) Assert.Contains(text, document.Body!.TextContent);
    }

    [Fact]
    public void Given_hand_written_Markdown_with_safe_links_When_rendered_Then_external_ones_get_noopener()
    {
        var html = Markdig.Markdown.ToHtml("[أ](https://example.org) [ب](other.html#x) [ج](mailto:a@example.org)", EditionMarkdown.CreatePipeline());

        var links = Parser.ParseDocument(html).QuerySelectorAll("a").ToList();
        Assert.Equal(3, links.Count);
        Assert.Equal("noopener noreferrer", links[0].GetAttribute("rel"));
        Assert.Null(links[1].GetAttribute("rel"));
    }
}

/// <summary>Control and bidi characters pasted from Word into metadata: a visible mark in text, never markup inside an attribute or a title.</summary>
public class MetadataControlCharacterTests
{
    [Fact]
    public void Given_a_title_wrapped_in_RLE_and_PDF_When_built_Then_the_build_succeeds_the_heading_shows_marks_and_no_attribute_or_title_holds_markup()
    {
        var content = SmallEdition.Content("\u202Bعنوان ملصوق من وورد\u202C");
        var diagnostics = new DiagnosticBag();

        var files = Sites.Build(Theme.Load(Repo.Templates, diagnostics)!, content, diagnostics);

        Assert.True(files is not null, string.Join('\n', diagnostics.Items));
        var landing = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(files.Single(f => f.Path == "small/index.html").AsText());
        Assert.Equal("عنوان ملصوق من وورد", landing.Title!.Split(" — ")[0]);
        Assert.Equal("U+202Bعنوان ملصوق من ووردU+202C", landing.QuerySelector("h1")!.TextContent);
        Assert.All(landing.QuerySelectorAll("meta[content]"), meta => Assert.DoesNotContain(meta.GetAttribute("content")!, c => c is '\u202B' or '\u202C' || c == '<'));
        Assert.Equal("عنوان ملصوق من وورد", landing.QuerySelector("meta[name=citation_title]")!.GetAttribute("content"));
    }
}

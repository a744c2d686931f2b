using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Render;

/// <summary>The built default edition, read as a reader's browser would: titles, notes, text, links, languages.</summary>
public class SeedSiteTests
{
    private const string Article = "russian-iranian-partnership";
    private static readonly HtmlParser Parser = new();

    private static SeedSite Site => SeedSite.Get();

    private static IDocument Page(string path) => Parser.ParseDocument(Site.File(path).AsText());

    private static IEnumerable<(string Path, IDocument Document)> Pages() =>
        Site.Files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)).Select(f => (f.Path, (IDocument)Parser.ParseDocument(f.AsText())));

    private static List<string> ChapterPages() =>
        Site.Files.Select(f => f.Path).Where(p => Regex.IsMatch(p, $@"^{Article}/\d\d-[a-z0-9-]+\.html$")).Order(StringComparer.Ordinal).ToList();

    [Fact]
    public void Given_the_seed_site_Then_each_of_the_ten_section_titles_heads_a_page()
    {
        var headings = ChapterPages().Select(p => Page(p).QuerySelector("main h1")!.TextContent).ToList();

        Assert.Equal(10, headings.Count);
        Assert.Equal("المقدمة", headings[0]);
        Assert.Equal("سوريا \"نقطة المركز\" للشراكة", headings[4]);
        Assert.Equal("الاستنتاجات", headings[9]);
    }

    [Fact]
    public void Given_the_seed_site_Then_every_note_reference_resolves_to_its_numbered_note_with_a_back_link_and_all_40_are_reachable()
    {
        var reachable = new HashSet<int>();
        foreach (var path in ChapterPages().Append($"{Article}/full.html"))
        {
            var page = Page(path);
            foreach (var reference in page.QuerySelectorAll("a[role=doc-noteref]"))
            {
                var number = int.Parse(reference.TextContent, System.Globalization.CultureInfo.InvariantCulture);
                Assert.Equal($"#fn-{number}", reference.GetAttribute("href"));
                Assert.Equal($"fnref-{number}", reference.Id);
                var note = page.GetElementById($"fn-{number}");
                Assert.NotNull(note);
                Assert.Equal("li", note.LocalName);
                Assert.Equal(number.ToString(System.Globalization.CultureInfo.InvariantCulture), note.GetAttribute("value"));
                Assert.NotNull(note.Closest("section[role=doc-endnotes]"));
                Assert.Single(note.QuerySelectorAll("a[role=doc-backlink]"), a => a.GetAttribute("href") == $"#fnref-{number}");
                reachable.Add(number);
            }
        }

        Assert.Equal(Enumerable.Range(1, 40), reachable.Order());
    }

    [Fact]
    public void Given_the_seed_site_Then_every_paragraph_of_the_article_is_on_a_page_letter_for_letter()
    {
        var diagnostics = new DiagnosticBag();
        var article = WordExportReader.Read("seed.txt", Repo.SeedBytes(), diagnostics)!;
        var pageText = string.Concat(ChapterPages().Select(p => Page(p).QuerySelector("article")!.TextContent));
        var fullText = Page($"{Article}/full.html").QuerySelector("main")!.TextContent;

        foreach (var paragraph in article.Paragraphs)
        {
            var text = string.Concat(paragraph.Inlines.Select(i => i is EditionBuilder.Model.TextRun t ? t.Text : ((EditionBuilder.Model.NoteReference)i).Id));
            Assert.Contains(text, pageText);
            Assert.Contains(text, fullText);
        }

        var english = Page($"{Article}/en/index.html").QuerySelector("main")!.TextContent;
        Assert.All(article.AbstractIn("en")!.Paragraphs, p => Assert.Contains(p, english));
        var french = Page($"{Article}/fr/index.html").QuerySelector("main")!.TextContent;
        Assert.All(article.AbstractIn("fr")!.Paragraphs, p => Assert.Contains(p, french));
    }

    [Fact]
    public void Given_the_seed_site_Then_every_page_declares_lang_and_dir_and_article_pages_link_their_language_versions()
    {
        foreach (var (path, page) in Pages())
        {
            var html = page.DocumentElement;
            var expected = path.Contains("/en/", StringComparison.Ordinal) ? ("en", "ltr") : path.Contains("/fr/", StringComparison.Ordinal) ? ("fr", "ltr") : ("ar", "rtl");
            Assert.Equal(expected, (html.GetAttribute("lang"), html.GetAttribute("dir")));
            if (!path.StartsWith(Article + "/", StringComparison.Ordinal)) continue;
            var hreflangs = page.QuerySelectorAll("link[rel=alternate][hreflang]").Select(l => l.GetAttribute("hreflang")).ToList();
            Assert.Equal(["ar", "en", "fr"], hreflangs);
        }
    }

    [Fact]
    public void Given_the_seed_site_Then_the_abstract_pages_link_each_other_and_the_arabic_text()
    {
        var english = Page($"{Article}/en/index.html");
        var links = english.QuerySelectorAll("nav.languages a").Select(a => a.GetAttribute("href")).ToList();

        Assert.Equal(["../../russian-iranian-partnership/index.html", "../../russian-iranian-partnership/fr/index.html"], links);
        Assert.Equal("Abstract", english.QuerySelector(".kind")!.TextContent);
        Assert.Equal("Résumé", Page($"{Article}/fr/index.html").QuerySelector(".kind")!.TextContent);
    }

    [Fact]
    public void Given_the_seed_site_Then_links_are_relative_and_name_their_files_and_no_request_leaves_the_site()
    {
        foreach (var (path, page) in Pages())
        {
            foreach (var element in page.QuerySelectorAll("link[href], script[src], a[href]"))
            {
                var target = element.GetAttribute("href") ?? element.GetAttribute("src")!;
                if (element.LocalName == "a" && target.StartsWith("http", StringComparison.Ordinal))
                {
                    Assert.Equal("noopener noreferrer", element.GetAttribute("rel"));
                    continue;
                }

                Assert.DoesNotContain("://", target);
                Assert.False(target.StartsWith('/'), $"{path}: {target} is not relative");
                var file = target.Split('#')[0];
                Assert.True(file.Length == 0 || Path.HasExtension(file), $"{path}: {target} does not name its file");
            }
        }
    }

    [Fact]
    public void Given_the_seed_site_Then_the_chapter_pages_link_previous_and_next()
    {
        var pages = ChapterPages();
        var first = Page(pages[0]);
        var middle = Page(pages[4]);
        var last = Page(pages[9]);

        Assert.Null(first.QuerySelector("a[rel=prev]"));
        Assert.Equal(Path.GetFileName(pages[1]), Path.GetFileName(first.QuerySelector("a[rel=next]")!.GetAttribute("href")));
        Assert.Equal(Path.GetFileName(pages[3]), Path.GetFileName(middle.QuerySelector("a[rel=prev]")!.GetAttribute("href")));
        Assert.Null(last.QuerySelector("a[rel=next]"));
    }

    [Fact]
    public void Given_the_seed_site_Then_html_css_and_js_are_minified_and_the_font_is_self_hosted()
    {
        Assert.All(Site.Files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)), f => Assert.DoesNotContain("\n\n", f.AsText()));
        Assert.DoesNotContain("\n", Site.File("assets/edition.css").AsText().Trim());
        Assert.DoesNotContain("//", Site.File("assets/notes.js").AsText().Replace("://", string.Empty, StringComparison.Ordinal));
        Assert.True(Site.File("assets/notes.js").Bytes.Length * 10 < Site.Rendered.Single(f => f.Path == "assets/notes.js").Bytes.Length * 8);
        Assert.Contains(Site.Files, f => f.Path.EndsWith(".woff2", StringComparison.Ordinal));
        Assert.Contains(Site.Files, f => f.Path.StartsWith("assets/fonts/OFL", StringComparison.Ordinal));
        Assert.Contains("font-display:swap", Site.File("assets/edition.css").AsText());
        Assert.Contains("unicode-range", Site.File("assets/edition.css").AsText());
    }

    [Fact]
    public void Given_the_seed_site_Then_every_page_has_a_strict_content_security_policy_and_no_inline_script()
    {
        foreach (var (path, page) in Pages())
        {
            var csp = page.QuerySelector("meta[http-equiv=Content-Security-Policy]")?.GetAttribute("content");
            Assert.NotNull(csp);
            Assert.Contains("script-src 'self'", csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.All(page.QuerySelectorAll("script"), s => Assert.True(s.HasAttribute("src") || s.GetAttribute("type") == "application/ld+json", $"{path} has an inline script"));
            Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        }
    }
}

using AngleSharp.Html.Parser;
using EditionBuilder.Diagnostics;
using EditionBuilder.Pipeline;
using EditionBuilder.Render;
using EditionBuilder.Site;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Render;

/// <summary>What search engines and browsers read in a page's head (Lighthouse's SEO and best-practice audits): a description from the abstract, absolute hreflang links when base_url is set, a favicon of the theme.</summary>
public class SearchEngineTagsTests
{
    private static IReadOnlyList<SiteFile> Build(string baseUrl = "", string? englishAbstract = null)
    {
        var small = SmallEdition.Content();
        small.Edition.BaseUrl = baseUrl;
        if (englishAbstract is not null)
        {
            var article = small.Articles[0];
            var text = SmallEdition.English.Replace("An abstract in English.", englishAbstract, StringComparison.Ordinal);
            small = small with { Articles = [article with { Abstracts = [new global::EditionBuilder.Content.MarkdownFile(article.Abstracts[0].Path, text)] }] };
        }

        var diagnostics = new DiagnosticBag();
        var files = SiteBuild.InMemory(small, SeedSite.Get().Templates, BuildOptions.Uncompressed, diagnostics);
        Assert.True(files is not null, string.Join('\n', diagnostics.Items));
        return files;
    }

    private static AngleSharp.Html.Dom.IHtmlDocument Page(IReadOnlyList<SiteFile> files, string path) =>
        new HtmlParser().ParseDocument(files.Single(f => f.Path == path).AsText());

    [Theory]
    [InlineData("small/index.html")]
    [InlineData("small/01-almqdma.html")]
    [InlineData("small/full.html")]
    [InlineData("small/en/index.html")]
    public void Given_an_article_with_an_abstract_When_built_Then_its_pages_describe_themselves_with_it(string path)
    {
        var description = Page(Build(), path).QuerySelector("meta[name=description]")?.GetAttribute("content");

        Assert.Equal("An abstract in English.", description);
    }

    [Fact]
    public void Given_a_long_abstract_When_built_Then_the_description_is_its_opening_cut_at_a_word_within_160_characters()
    {
        var words = string.Join(' ', Enumerable.Range(1, 60).Select(i => $"word{i}"));

        var description = Page(Build(englishAbstract: words + ".\n\nA second paragraph."), "small/en/index.html").QuerySelector("meta[name=description]")!.GetAttribute("content")!;

        Assert.True(description.Length <= 161, description);
        Assert.EndsWith("…", description);
        Assert.StartsWith("word1 word2 ", description);
        Assert.Matches(@"word\d+…$", description);
    }

    [Fact]
    public void Given_a_base_url_When_built_Then_every_language_version_is_linked_by_its_absolute_address()
    {
        var files = Build("https://example.org/edition/");

        var links = Page(files, "small/01-almqdma.html").QuerySelectorAll("link[rel=alternate][hreflang]")
            .ToDictionary(l => l.GetAttribute("hreflang")!, l => l.GetAttribute("href")!);

        Assert.Equal("https://example.org/edition/small/index.html", links["ar"]);
        Assert.Equal("https://example.org/edition/small/en/index.html", links["en"]);
    }

    [Fact]
    public void Given_no_base_url_When_built_Then_language_versions_stay_relative_so_the_site_works_from_any_folder()
    {
        var links = Page(Build(), "small/en/index.html").QuerySelectorAll("link[rel=alternate][hreflang]").Select(l => l.GetAttribute("href")!).ToList();

        Assert.Contains("../../small/index.html", links);
        Assert.All(links, l => Assert.DoesNotContain("://", l));
    }

    [Fact]
    public void Given_the_default_theme_When_built_Then_every_page_names_its_favicon_and_the_site_holds_it()
    {
        var files = Build();

        Assert.Contains(files, f => f.Path == "assets/favicon.svg" && f.AsText().StartsWith("<svg", StringComparison.Ordinal));
        Assert.Equal("../assets/favicon.svg", Page(files, "small/01-almqdma.html").QuerySelector("link[rel=icon]")?.GetAttribute("href"));
        Assert.Equal("assets/favicon.svg", Page(files, "index.html").QuerySelector("link[rel=icon]")?.GetAttribute("href"));
    }
}

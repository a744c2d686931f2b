using EditionBuilder.Diagnostics;
using EditionBuilder.Pipeline;
using EditionBuilder.Search;
using EditionBuilder.Site;
using EditionBuilder.Tests.Support;
using Xunit;

namespace EditionBuilder.Tests.Search;

/// <summary>The site with and without search: search.html and its link in every header, the search script and WebAssembly allowed on the search page only, chapter pages otherwise unchanged.</summary>
public class SearchSiteTests
{
    private static IReadOnlyList<SiteFile> Build(PagefindTool? tool)
    {
        var seed = SeedSite.Get();
        var diagnostics = new DiagnosticBag();
        var files = SiteBuild.InMemory(seed.Content, seed.Templates, BuildOptions.Uncompressed with { Search = tool }, diagnostics);
        Assert.True(files is not null, string.Join('\n', diagnostics.Items));
        return files!;
    }

    [SkippableFact]
    public void Given_search_When_the_seed_is_built_Then_every_page_links_the_search_page_and_only_it_loads_the_search_script_and_WebAssembly()
    {
        var site = Build(Tools.RequirePagefind());
        var pages = site.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)).ToList();

        var search = pages.Single(p => p.Path == "search.html").AsText();
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\"", search, StringComparison.Ordinal);
        Assert.Contains("script-src 'self' 'wasm-unsafe-eval';", search, StringComparison.Ordinal);
        Assert.Contains("src=\"assets/search.js\"", search, StringComparison.Ordinal);
        Assert.DoesNotContain("notes.js", search, StringComparison.Ordinal);
        // 404.html is shown at any address, so without base_url it has no relative link at all (the lead's any-depth 404).
        foreach (var page in pages.Where(p => p.Path != "search.html"))
        {
            var html = page.AsText();
            if (page.Path != "404.html") Assert.Contains($"class=\"search-link\" href=\"{SiteFile.RootOf(page.Path)}search.html\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("wasm-unsafe-eval", html, StringComparison.Ordinal);
            Assert.DoesNotContain("search.js", html, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public void Given_search_When_a_chapter_is_built_Then_it_grows_only_by_the_header_link_and_the_index_marks()
    {
        var with = Build(Tools.RequirePagefind());
        var without = Build(null);
        const string chapter = "russian-iranian-partnership/03-alml-la-bna-shraka-skrya.html";

        var a = without.Single(f => f.Path == chapter).AsText();
        var b = with.Single(f => f.Path == chapter).AsText();
        var stripped = b.Replace(" <a class=\"search-link\" href=\"../search.html\">بحث</a>", string.Empty, StringComparison.Ordinal)
            .Replace(" data-pagefind-meta=\"article\"", string.Empty, StringComparison.Ordinal)
            .Replace(" data-pagefind-body", string.Empty, StringComparison.Ordinal);
        Assert.Equal(a, stripped);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(b) - System.Text.Encoding.UTF8.GetByteCount(a) < 120);
    }

    [SkippableFact]
    public void Given_search_When_an_abstract_page_is_built_Then_only_its_text_is_indexed_not_its_authors_block_nor_its_publication_line()
    {
        var diagnostics = new DiagnosticBag();
        var site = SiteBuild.InMemory(SmallEdition.Content(), SeedSite.Get().Templates, BuildOptions.Uncompressed with { Search = Tools.RequirePagefind() }, diagnostics);
        Assert.True(site is not null, string.Join('\n', diagnostics.Items));

        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(site.Single(f => f.Path == "small/en/index.html").AsText());
        var body = Assert.Single(page.QuerySelectorAll("[data-pagefind-body]"));
        var authors = body.QuerySelector(".authors");
        Assert.NotNull(authors);
        Assert.Contains("كاتب المقال", authors.TextContent, StringComparison.Ordinal);
        foreach (var block in body.QuerySelectorAll(".authors, .journal")) Assert.True(block.HasAttribute("data-pagefind-ignore"), block.OuterHtml);
        Assert.False(body.QuerySelector("h1")!.HasAttribute("data-pagefind-ignore"));
    }

    [Fact]
    public void Given_no_search_When_the_seed_is_built_Then_there_is_no_search_page_no_link_and_no_index()
    {
        var site = Build(null);

        Assert.DoesNotContain(site, f => f.Path == "search.html" || f.Path.StartsWith(SearchIndex.Folder, StringComparison.Ordinal));
        Assert.DoesNotContain(site.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal)), f => f.AsText().Contains("search", StringComparison.Ordinal) || f.AsText().Contains("pagefind", StringComparison.Ordinal));
    }
}

using EditionBuilder.BrowserTests.Support;
using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Pipeline;
using EditionBuilder.Themes;
using EditionBuilder.Search;
using EditionBuilder.Site;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace EditionBuilder.BrowserTests.Search;

/// <summary>A journal's index in shards by age (docs/search.md, "Shards") answers the tests' queries with the same pages as one index over the same site, in Debian's Chromium through the search page.</summary>
[Collection("site")]
public class ShardedSearchTests(SiteFixture site, ITestOutputHelper output)
{
    // Twenty copies of the seed: shards of 16, 3 and 1 articles.
    private const int Articles = 20;

    [SkippableFact]
    public async Task Given_a_journal_in_shards_and_the_same_journal_in_one_index_When_the_tests_queries_run_Then_they_find_the_same_pages()
    {
        var tool = site.RequirePagefind();
        var browser = site.RequireBrowser();
        var diagnostics = new DiagnosticBag();
        var seed = ContentFolder.Read(Path.Combine(Repo.Root, "content"), diagnostics)!;
        var templates = Theme.Load(Path.Combine(Repo.Root, "templates"), diagnostics)!;
        var journal = seed with { Articles = Enumerable.Range(1, Articles).Select(i => seed.Articles[0] with { Slug = $"article-{i:D2}" }).ToList() };
        var files = SiteBuild.InMemory(journal, templates, BuildOptions.Published with { Search = SiteSearch.With(tool), SearchShardCount = 3 }, diagnostics)
            ?? throw new InvalidOperationException(string.Join('\n', diagnostics.Items));

        // The same site with one index: the search bundle made again from its searchable pages, in one shard.
        var pages = files.Where(f => f.Path.EndsWith(".html", StringComparison.Ordinal) && SearchIndex.IsSearchable(f.AsText()))
            .OrderBy(f => f.Path, StringComparer.Ordinal).Select(f => new SearchablePage(f.Path, f.AsText())).ToList();
        var single = files.Where(f => !f.Path.StartsWith(SearchIndex.Folder, StringComparison.Ordinal)).Concat(new SearchIndex(tool).Build(pages, most: 1)).ToList();

        using var sharded = new Folder(files);
        using var one = new Folder(single);
        Assert.Equal(3, Directory.GetDirectories(Path.Combine(sharded.Path, "pagefind"), "s*").Length + 1);
        foreach (var query in new[] { "ايران", "الاستراتيجية", "مفاعلات نووية", "S300", "Obama", "partenariat", "JCPOA", "٢٠١٥" })
        {
            var inShards = await FoundAsync(browser, sharded.Path, query);
            var inOne = await FoundAsync(browser, one.Path, query);
            output.WriteLine($"«{query}»: {inShards.Count} pages in shards, {inOne.Count} in one index");
            Assert.NotEmpty(inOne);
            Assert.Equal(inOne.Order(StringComparer.Ordinal), inShards.Order(StringComparer.Ordinal));
        }
    }

    // Every page the query finds, through the search page's own Pagefind (the module search.js loaded and merged the shards into).
    private static async Task<IReadOnlyList<string>> FoundAsync(IBrowser browser, string folder, string query)
    {
        using var server = new StaticServer(folder);
        var context = await browser.NewContextAsync();
        await using var _ = context;
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "search.html");
        await SearchPageTests.WhenReadyAsync(page);
        await page.FillAsync("#search-query", query);
        await page.PressAsync("#search-query", "Enter");
        await page.WaitForFunctionAsync("() => { const s = document.getElementById('search-status').textContent; return s !== '' && !document.getElementById('search-results').hasAttribute('aria-busy'); }");
        return await page.EvaluateAsync<string[]>("""
            async ([bundle, query]) => {
              const pagefind = await import(bundle + 'pagefind.js');
              const search = await pagefind.search(window.EditionSearch.normalize(query).trim());
              return Promise.all(search.results.map(r => r.data().then(d => d.url)));
            }
            """, new object[] { server.BaseUrl + "pagefind/", query });
    }

    /// <summary>A site written to a scratch folder, deleted afterwards.</summary>
    private sealed class Folder : IDisposable
    {
        public Folder(IEnumerable<SiteFile> files)
        {
            foreach (var file in files)
            {
                var path = System.IO.Path.Combine(Path, file.Path);
                Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, file.Bytes);
            }
        }

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "eb-shards-" + Guid.NewGuid().ToString("N"));

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}

using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using EditionBuilder.BrowserTests.Support;
using EditionBuilder.Search;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace EditionBuilder.BrowserTests.Search;

/// <summary>search.html on the seed, served over HTTP in Debian's Chromium: Arabic queries as readers type them find the chapters that hold the words as the author wrote them, English and French words find the abstracts, results open at the paragraph, the first query stays light, and the page is usable at 360 px, with a keyboard and a screen reader.</summary>
[Collection("site")]
public class SearchPageTests(SiteFixture site, ITestOutputHelper output)
{
    /// <summary>The most the requests of a first query may download, in all (issue 18).</summary>
    private const long FirstQueryBudget = 150 * 1024;

    /// <summary>The most the requests of a later query in the same page may download (issue 30).</summary>
    private const long LaterQueryBudget = 30 * 1024;

    /// <summary>One result as the page shows it.</summary>
    public sealed record Result(string Href, string Lang, string Title, string Excerpt, IReadOnlyList<string> Marked);

    /// <summary>What a query did: its results and the bytes of every request it made (as transferred, and decoded).</summary>
    public sealed record Run(IReadOnlyList<Result> Results, string Status, long Transferred, long Decoded, IReadOnlyList<string> Requests);

    /// <summary>Opens search.html (over HTTP unless <paramref name="url"/> says otherwise) in a fresh browser context (nothing cached), types the query and waits for the results; counts every request the query made.</summary>
    private async Task<Run> SearchAsync(string query, Viewport? viewport = null, Func<IPage, Task>? then = null, string? url = null)
    {
        var (context, page) = await site.OpenAsync(url ?? site.HttpUrl("search.html"), viewport ?? Viewport.Desktop);
        await using var _ = context;
        var errors = Errors(page);
        // The page has loaded and its script has shown the form: the requests after this are the query's. (Not "network idle",
        // which waits for 500 ms of quiet and timed out on a loaded machine: wait for the state, not for time.)
        await WhenReadyAsync(page);

        var run = await QueryAsync(page, query);
        if (then is not null) await then(page);
        Assert.True(errors.Count == 0, string.Join('\n', errors));
        return run;
    }

    // Console errors and page errors; Chromium asks the server's root for /favicon.ico once per browser, and the site lives
    // under /edition/ and has none.
    private static List<string> Errors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error" && !message.Location.Contains("/favicon.ico", StringComparison.Ordinal)) errors.Add($"console: {message.Text} ({message.Location})"); };
        page.PageError += (_, error) => errors.Add($"page error: {error}");
        return errors;
    }

    /// <summary>Types a query into a ready search page and waits for its results; the bytes of every request it made (over HTTP).</summary>
    private async Task<Run> QueryAsync(IPage page, string query)
    {
        var requests = new List<IRequest>();
        void Add(object? sender, IRequest request) => requests.Add(request);
        page.RequestFinished += Add;
        await page.FillAsync("#search-query", query);
        await page.PressAsync("#search-query", "Enter");
        await WhenShownAsync(page, query);
        page.RequestFinished -= Add;

        var json = await page.EvaluateAsync<string>("""
            () => JSON.stringify([...document.querySelectorAll('#search-results li')].map(li => ({
              href: li.querySelector('a').href, lang: li.lang, title: li.querySelector('a').textContent,
              excerpt: li.querySelector('.excerpt').textContent, marked: [...li.querySelectorAll('mark')].map(m => m.textContent) })))
            """);
        var results = JsonSerializer.Deserialize<Result[]>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var status = await page.TextContentAsync("#search-status") ?? string.Empty;
        long transferred = 0, decoded = 0;
        var lines = new List<string>();
        foreach (var request in requests.Where(r => r.Url.StartsWith("http", StringComparison.Ordinal)))
        {
            var sizes = await request.SizesAsync();
            var response = await request.ResponseAsync();
            var body = response is null ? 0 : (await response.BodyAsync()).Length;
            transferred += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
            decoded += body;
            lines.Add($"{request.Url[site.Server!.BaseUrl.Length..]}: {sizes.ResponseBodySize + sizes.ResponseHeadersSize} B transferred, {body} B decoded");
        }

        return new Run(results, status, transferred, decoded, lines);
    }

    /// <summary>The search page has loaded every resource and its script has run (it shows the form, hidden without it).</summary>
    internal static async Task WhenReadyAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        await page.WaitForFunctionAsync("() => !document.getElementById('search-form').hidden");
    }

    // The results list is aria-busy while a search runs and its first results load; the status names the query once it is done.
    internal static Task WhenShownAsync(IPage page, string query) =>
        page.WaitForFunctionAsync("query => { const s = document.getElementById('search-status').textContent; return (s.includes(query.trim()) || s === document.getElementById('search-form').dataset.failed) && !document.getElementById('search-results').hasAttribute('aria-busy'); }", query);

    private static string PagePath(string href) => new Uri(href).AbsolutePath.Split("/edition/")[1];

    public static TheoryData<string, string> SeedQueries() => new()
    {
        // Issue 18, "Done when": each finds a chapter that holds the word as written.
        { "ايران", "إيران" },
        { "الاستراتيجية", "إستراتيجي" },
        { "مفاعلات نووية", "المفاعلات النووية" },
        { "S300", "S300" },
        // Without hamza, without the article, with diacritics, tatweel, teh marbuta as heh, yeh for alef maksura, Arabic-Indic digits, alef wasla.
        { "مفاعلات", "المفاعلات" },
        { "الشَّرَاكَة", "شراكة" },
        { "رُوسْيَا", "روسيا" },
        { "الشـــراكة", "شراكة" },
        { "الشراكه", "شراكة" },
        { "مستوي", "مستوى" },
        { "٢٠١٥", "2015" },
        { "ٱلشراكة", "شراكة" },
        // A Latin term inside Arabic text.
        { "JCPOA", "JCPOA" },
    };

    [SkippableTheory]
    [MemberData(nameof(SeedQueries))]
    public async Task Given_the_seed_served_over_HTTP_When_a_reader_searches_Then_the_first_result_opens_a_chapter_at_a_paragraph_holding_the_word_as_written(string query, string written)
    {
        var run = await SearchAsync(query);

        Assert.NotEmpty(run.Results);
        var first = run.Results[0];
        // At the paragraph or note that holds the word, or at the chapter's title when only the title does.
        Assert.Matches(@"/russian-iranian-partnership/\d\d-[a-z0-9-]+\.html#(p-\d+-\d+|fn-\d+|chapter-\d+)$", first.Href);
        Assert.Equal("ar", first.Lang);
        Assert.NotEmpty(first.Marked);

        // The link opens the chapter at that paragraph (or note), which holds the word as the author wrote it.
        var (context, page) = await site.OpenAsync(first.Href, Viewport.Desktop);
        await using var _ = context;
        var id = new Uri(first.Href).Fragment.TrimStart('#');
        var text = await page.EvaluateAsync<string>("id => document.getElementById(id).textContent", id);
        Assert.Contains(written, text, StringComparison.Ordinal);
        output.WriteLine($"«{query}»: {run.Results.Count} shown, first {PagePath(first.Href)}#{id}; first query {run.Transferred} B transferred, {run.Decoded} B decoded");
    }

    [SkippableFact]
    public async Task Given_a_query_with_results_When_the_count_is_shown_Then_it_is_written_in_Latin_digits_as_on_every_other_page()
    {
        var run = await SearchAsync("ايران");

        Assert.NotEmpty(run.Results);
        Assert.Matches(@": [0-9]+$", run.Status);
        Assert.DoesNotMatch(@"[\u0660-\u0669\u06F0-\u06F9]", run.Status);
    }

    [SkippableFact]
    public async Task Given_a_Latin_query_When_the_count_is_shown_Then_the_query_is_isolated_so_it_keeps_its_place_in_the_Arabic_sentence()
    {
        var run = await SearchAsync("Obama");

        Assert.NotEmpty(run.Results);
        Assert.Contains("\u2068Obama\u2069", run.Status, StringComparison.Ordinal);
        Assert.Matches(@": [0-9]+$", run.Status);
    }

    [SkippableTheory]
    [InlineData("Obama", "en", "russian-iranian-partnership/en/index.html")]
    [InlineData("partenariat", "fr", "russian-iranian-partnership/fr/index.html")]
    public async Task Given_the_seed_When_an_English_or_French_word_is_searched_Then_its_abstract_is_found_in_its_language(string query, string lang, string abstractPage)
    {
        var run = await SearchAsync(query);

        var found = run.Results.FirstOrDefault(r => PagePath(r.Href).StartsWith(abstractPage, StringComparison.Ordinal));
        Assert.True(found is not null, $"{abstractPage} not among {string.Join(", ", run.Results.Select(r => r.Href))}");
        Assert.Equal(lang, found!.Lang);
        Assert.Contains(found.Marked, m => m.StartsWith(query, StringComparison.Ordinal));
    }

    public static TheoryData<string> FirstQueries() => new() { "ايران", "الاستراتيجية", "مفاعلات نووية", "S300", "Obama", "partenariat" };

    [SkippableTheory]
    [MemberData(nameof(FirstQueries))]
    public async Task Given_a_fresh_browser_When_the_first_query_runs_Then_its_requests_download_at_most_150_KB(string query)
    {
        var run = await SearchAsync(query);

        foreach (var line in run.Requests) output.WriteLine(line);
        output.WriteLine($"«{query}»: {run.Requests.Count} requests, {run.Transferred} B transferred, {run.Decoded} B decoded");
        Assert.True(run.Transferred <= FirstQueryBudget, $"«{query}» downloaded {run.Transferred} B:\n{string.Join('\n', run.Requests)}");
    }

    [SkippableFact]
    public async Task Given_the_search_page_at_360px_When_results_are_shown_Then_nothing_scrolls_sideways_axe_finds_nothing_serious_and_a_screenshot_is_saved()
    {
        Directory.CreateDirectory(Repo.Screenshots);
        AxeResult? axe = null;
        int[] widths = [];
        var run = await SearchAsync("الاستراتيجية", Viewport.NarrowPhone, async page =>
        {
            widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repo.Screenshots, "search-phone-360.png"), FullPage = true });
            axe = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
        });

        Assert.True(run.Results.Count >= 3, $"{run.Results.Count} results: {run.Status}");
        Assert.True(widths[0] <= widths[1], $"scrolls sideways at 360 px ({widths[0]} > {widths[1]})");
        foreach (var violation in axe!.Violations) output.WriteLine($"{violation.Impact} {violation.Id}: {violation.Help} ({violation.Nodes.Length} nodes)");
        Assert.DoesNotContain(axe.Violations, v => v.Impact is "serious" or "critical");
        Assert.True(new FileInfo(Path.Combine(Repo.Screenshots, "search-phone-360.png")).Length > 10_000);
    }

    [SkippableFact]
    public async Task Given_the_search_page_When_used_with_the_keyboard_alone_Then_the_results_are_announced_and_reached_in_order()
    {
        await SearchAsync("روسيا", then: async page =>
        {
            Assert.Equal("status", await page.GetAttributeAsync("#search-status", "role"));
            Assert.Equal("polite", await page.GetAttributeAsync("#search-status", "aria-live"));
            await page.FocusAsync("#search-query");
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal("BUTTON", await page.EvaluateAsync<string>("() => document.activeElement.tagName"));
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal(await page.EvaluateAsync<string>("() => document.querySelector('#search-results a').href"), await page.EvaluateAsync<string>("() => document.activeElement.href"));

            // "More results" moves the focus to the first new result.
            await page.ClickAsync("#search-more");
            // The focus moves once every new result is shown (after the sixth item appears, not with it): wait for that state.
            await page.WaitForFunctionAsync("() => { const links = document.querySelectorAll('#search-results li a'); return links.length > 5 && document.activeElement === links[5]; }");
            Assert.Equal(await page.EvaluateAsync<string>("() => document.querySelectorAll('#search-results li a')[5].href"), await page.EvaluateAsync<string>("() => document.activeElement.href"));
        });
    }

    public static TheoryData<string, string> LaterQueries() => new()
    {
        { "ايران", "الاستراتيجية" }, { "الاستراتيجية", "مفاعلات نووية" }, { "S300", "Obama" }, { "Obama", "partenariat" }, { "روسيا", "ايران" },
    };

    [SkippableTheory]
    [MemberData(nameof(LaterQueries))]
    public async Task Given_a_first_query_done_When_a_later_query_runs_Then_its_requests_download_at_most_30_KB(string first, string later)
    {
        var (context, page) = await site.OpenAsync(site.HttpUrl("search.html"), Viewport.Desktop);
        await using var _ = context;
        var errors = Errors(page);
        await WhenReadyAsync(page);
        var before = await QueryAsync(page, first);

        var run = await QueryAsync(page, later);

        foreach (var line in run.Requests) output.WriteLine(line);
        output.WriteLine($"«{first}» then «{later}»: {before.Transferred} B, then {run.Requests.Count} requests, {run.Transferred} B transferred, {run.Decoded} B decoded");
        Assert.NotEmpty(run.Results);
        Assert.True(run.Transferred <= LaterQueryBudget, $"«{later}» after «{first}» downloaded {run.Transferred} B:\n{string.Join('\n', run.Requests)}");
        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    [SkippableFact]
    public async Task Given_the_seed_opened_from_disk_When_a_reader_searches_Then_the_edition_index_answers_as_it_does_served()
    {
        var served = await SearchAsync("ايران");

        var fromDisk = await SearchAsync("ايران", url: site.FileUrl("search.html"));

        Assert.NotEmpty(fromDisk.Results);
        Assert.Equal(served.Status, fromDisk.Status);
        Assert.All(fromDisk.Results, r => Assert.StartsWith(new Uri(site.SiteFolder).AbsoluteUri, r.Href, StringComparison.Ordinal));
        Assert.Equal(served.Results.Select(r => r.Href[site.Server!.BaseUrl.Length..]), fromDisk.Results.Select(r => r.Href[(new Uri(site.SiteFolder).AbsoluteUri.Length + 1)..]));
    }

    [SkippableFact]
    public async Task Given_the_search_page_without_JavaScript_Then_it_says_plainly_that_search_needs_JavaScript()
    {
        var (context, page) = await site.OpenAsync(site.HttpUrl("search.html"), Viewport.NarrowPhone, javaScript: false);
        await using var _ = context;

        Assert.True(await page.IsVisibleAsync("#search-unavailable"));
        Assert.False(await page.IsVisibleAsync("#search-form"));
        var message = await page.TextContentAsync("#search-unavailable") ?? string.Empty;
        Assert.Contains("جافاسكربت", message, StringComparison.Ordinal);
        Assert.Contains("JavaScript", message, StringComparison.Ordinal);
        Assert.DoesNotContain("edition serve", message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Given_a_query_that_matches_nothing_When_searched_Then_the_page_says_so()
    {
        var run = await SearchAsync("زنجبيلات");

        Assert.Empty(run.Results);
        Assert.Equal("لا نتائج لـ «\u2068زنجبيلات\u2069».", run.Status);
    }

    [SkippableFact]
    public async Task Given_the_stem_table_When_the_search_page_reads_it_Then_it_makes_the_same_terms_as_the_index_side()
    {
        var cases = File.ReadAllLines(Path.Combine(Repo.Root, "tests", "EditionBuilder.Tests", "Search", "stem-cases.tsv"))
            .Where(line => line.Length > 0 && line[0] != '#').Select(line => line.Split('\t')).ToList();
        Assert.True(cases.Count >= 10, $"{cases.Count} cases");
        var (context, page) = await site.OpenAsync(site.HttpUrl("search.html"), Viewport.Desktop);
        await using var _ = context;

        var inBrowser = await page.EvaluateAsync<string[]>("inputs => inputs.map(i => EditionSearch.terms(i).join(' '))", cases.Select(c => c[0]).ToArray());

        for (var i = 0; i < cases.Count; i++)
        {
            var expected = cases[i].Length > 1 ? cases[i][1] : string.Empty;
            Assert.True(expected == inBrowser[i], $"'{cases[i][0]}' -> '{inBrowser[i]}' in the browser, expected '{expected}'");
            Assert.Equal(string.Join(' ', SearchTokens.Terms(cases[i][0])), inBrowser[i]);
        }
    }

    [SkippableFact]
    public async Task Given_a_query_in_the_address_When_the_page_opens_Then_it_runs_and_a_new_query_replaces_it_in_the_address()
    {
        var (context, page) = await site.OpenAsync(site.HttpUrl("search.html?q=" + Uri.EscapeDataString("S300")), Viewport.Desktop);
        await using var _ = context;
        await page.WaitForSelectorAsync("#search-results li");
        Assert.Equal("S300", await page.InputValueAsync("#search-query"));

        await page.FillAsync("#search-query", "Obama");
        await page.PressAsync("#search-query", "Enter");
        await page.WaitForFunctionAsync("() => location.search.includes('Obama')");
    }

    [SkippableFact]
    public async Task Given_the_normalization_table_When_the_search_page_normalizes_it_Then_it_reads_as_the_index_side_does()
    {
        var cases = JsonSerializer.Deserialize<JsonElement>(File.ReadAllText(Path.Combine(Repo.Root, "tests", "EditionBuilder.Tests", "Search", "normalization-cases.json")))
            .EnumerateArray().Select(c => (Input: c.GetProperty("input").GetString()!, Expected: c.GetProperty("expected").GetString()!, Name: c.GetProperty("case").GetString()!)).ToList();
        var (context, page) = await site.OpenAsync(site.HttpUrl("search.html"), Viewport.Desktop);
        await using var _ = context;

        var inBrowser = await page.EvaluateAsync<string[]>("inputs => inputs.map(EditionSearch.normalize)", cases.Select(c => c.Input).ToArray());
        var seedText = File.ReadAllText(Path.Combine(Repo.Root, "content", "russian-iranian-partnership", "source", "article.txt"));
        var seedInBrowser = await page.EvaluateAsync<string>("text => EditionSearch.normalize(text)", seedText);

        for (var i = 0; i < cases.Count; i++)
        {
            Assert.True(cases[i].Expected == inBrowser[i], $"{cases[i].Name}: '{cases[i].Input}' -> '{inBrowser[i]}' in the browser, expected '{cases[i].Expected}'");
            Assert.Equal(ArabicNormalizer.Normalize(cases[i].Input), inBrowser[i]);
        }

        Assert.Equal(ArabicNormalizer.Normalize(seedText), seedInBrowser);
    }
}

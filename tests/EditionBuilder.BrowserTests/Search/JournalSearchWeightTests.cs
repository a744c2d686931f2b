using System.Diagnostics;
using EditionBuilder.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace EditionBuilder.BrowserTests.Search;

/// <summary>The first and a later query's weight and time on a large journal built beforehand (docs/search.md, "The search page"): run by hand with EDITION_JOURNAL_SITE set to its site folder; skipped otherwise.</summary>
[Collection("site")]
public class JournalSearchWeightTests(SiteFixture site, ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData("الاستراتيجية", "ايران")]
    [InlineData("ايران", "S300")]
    [InlineData("S300", "Obama")]
    [InlineData("Obama", "الاستراتيجية")]
    public async Task Given_a_built_journal_When_a_first_then_a_later_query_run_Then_they_download_at_most_150_KB_then_30_KB(string first, string later)
    {
        var folder = Environment.GetEnvironmentVariable("EDITION_JOURNAL_SITE");
        Skip.If(string.IsNullOrEmpty(folder), "set EDITION_JOURNAL_SITE to a journal's built site folder to measure it");
        using var server = new StaticServer(folder!);
        var context = await site.RequireBrowser().NewContextAsync();
        await using var _ = context;
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "search.html");
        await SearchPageTests.WhenReadyAsync(page);

        var firstBytes = await QueryAsync(page, server, first);
        var laterBytes = await QueryAsync(page, server, later);

        Assert.True(firstBytes <= 150 * 1024, $"first query: {firstBytes} B");
        Assert.True(laterBytes <= 30 * 1024, $"later query: {laterBytes} B");
    }

    // Runs one query and reports its requests' bytes, the time to its first results, its count and first five results.
    private async Task<long> QueryAsync(IPage page, StaticServer server, string query)
    {
        var requests = new List<IRequest>();
        void Add(object? sender, IRequest request) => requests.Add(request);
        page.RequestFinished += Add;
        var clock = Stopwatch.StartNew();
        await page.FillAsync("#search-query", query);
        await page.PressAsync("#search-query", "Enter");
        await SearchPageTests.WhenShownAsync(page, query);
        var elapsed = clock.ElapsedMilliseconds;
        page.RequestFinished -= Add;

        long transferred = 0, decoded = 0;
        foreach (var request in requests)
        {
            var sizes = await request.SizesAsync();
            var body = (await (await request.ResponseAsync())!.BodyAsync()).Length;
            transferred += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
            decoded += body;
        }

        var firstFive = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#search-results li a.result-title')].map(a => a.href)");
        output.WriteLine($"journal «{query}»: {await page.TextContentAsync("#search-status")}; {requests.Count} requests, {transferred} B transferred, {decoded} B decoded, {elapsed} ms to results");
        foreach (var href in firstFive) output.WriteLine("  " + href[server.BaseUrl.Length..]);
        return transferred;
    }
}

using EditionBuilder.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace EditionBuilder.BrowserTests.Search;

/// <summary>The first query's weight on a large journal built beforehand (docs/performance.md, "Search"): run by hand with EDITION_JOURNAL_SITE set to its site folder; skipped otherwise.</summary>
[Collection("site")]
public class JournalSearchWeightTests(SiteFixture site, ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData("الاستراتيجية")]
    [InlineData("ايران")]
    [InlineData("S300")]
    [InlineData("Obama")]
    public async Task Given_a_built_journal_When_the_first_query_runs_Then_its_requests_download_at_most_150_KB(string query)
    {
        var folder = Environment.GetEnvironmentVariable("EDITION_JOURNAL_SITE");
        Skip.If(string.IsNullOrEmpty(folder), "set EDITION_JOURNAL_SITE to a journal's built site folder to measure it");
        using var server = new StaticServer(folder!);
        var context = await site.RequireBrowser().NewContextAsync();
        await using var _ = context;
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.BaseUrl + "search.html");
        await SearchPageTests.WhenReadyAsync(page);
        var requests = new List<IRequest>();
        page.RequestFinished += (_, request) => requests.Add(request);
        await page.FillAsync("#search-query", query);
        await page.PressAsync("#search-query", "Enter");
        await page.WaitForFunctionAsync("() => { const s = document.getElementById('search-status').textContent; return s !== '' && !document.getElementById('search-results').hasAttribute('aria-busy'); }");

        long transferred = 0, decoded = 0;
        foreach (var request in requests)
        {
            var sizes = await request.SizesAsync();
            var body = (await (await request.ResponseAsync())!.BodyAsync()).Length;
            transferred += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
            decoded += body;
        }

        output.WriteLine($"journal «{query}»: {await page.TextContentAsync("#search-status")}; {requests.Count} requests, {transferred} B transferred, {decoded} B decoded");
        Assert.True(transferred <= 150 * 1024, $"{transferred} B");
    }
}

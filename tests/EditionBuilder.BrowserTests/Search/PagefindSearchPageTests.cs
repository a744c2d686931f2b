using EditionBuilder.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit;

namespace EditionBuilder.BrowserTests.Search;

/// <summary>search.html on the seed built with <c>--search-engine pagefind</c>: the same page searches Pagefind's index when served, and opened from disk says that search needs the site served, and how.</summary>
[Collection("site")]
public class PagefindSearchPageTests(SiteFixture site)
{
    [SkippableTheory]
    [InlineData("ايران", "إيران")]
    [InlineData("Obama", "Obama")]
    public async Task Given_the_seed_indexed_by_Pagefind_and_served_When_a_reader_searches_Then_the_first_result_opens_where_the_word_is_written(string query, string written)
    {
        var server = await site.PagefindSiteAsync();
        var (context, page) = await site.OpenAsync(server.BaseUrl + "search.html", Viewport.Desktop);
        await using var _ = context;
        await SearchPageTests.WhenReadyAsync(page);
        await page.FillAsync("#search-query", query);
        await page.PressAsync("#search-query", "Enter");
        await SearchPageTests.WhenShownAsync(page, query);

        var href = await page.EvaluateAsync<string>("() => document.querySelector('#search-results a').href");
        Assert.StartsWith(server.BaseUrl + SiteFixture.Article + "/", href, StringComparison.Ordinal);
        Assert.NotEmpty(await page.QuerySelectorAllAsync("#search-results mark"));
        await page.GotoAsync(href);
        var id = new Uri(href).Fragment.TrimStart('#');
        var text = await page.EvaluateAsync<string>("id => (id ? document.getElementById(id) : document.querySelector('main')).textContent", id);
        Assert.Contains(written, text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Given_the_seed_indexed_by_Pagefind_opened_from_disk_Then_it_says_plainly_that_search_needs_the_site_served_and_how()
    {
        await site.PagefindSiteAsync();
        var errors = new List<string>();
        var (context, page) = await site.OpenAsync(new Uri(Path.Combine(site.PagefindSiteFolder, "search.html")).AbsoluteUri, Viewport.NarrowPhone);
        await using var _ = context;
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        // The message the page ends on, not "network idle", which a loaded machine may not reach in time.
        await page.WaitForLoadStateAsync(LoadState.Load, new() { Timeout = 90_000 });
        await page.WaitForSelectorAsync("#search-unavailable", new() { State = WaitForSelectorState.Visible, Timeout = 90_000 });

        Assert.False(await page.IsVisibleAsync("#search-form"));
        var message = await page.TextContentAsync("#search-unavailable") ?? string.Empty;
        Assert.Contains("edition serve", message, StringComparison.Ordinal);
        Assert.Contains("خادم ويب", message, StringComparison.Ordinal);
        Assert.Contains("web server", message, StringComparison.Ordinal);
        Assert.Empty(errors);
    }
}

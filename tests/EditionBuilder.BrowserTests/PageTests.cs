using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using EditionBuilder.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit;
using Xunit.Abstractions;

namespace EditionBuilder.BrowserTests;

/// <summary>Every page in a real browser: no sideways scrolling on a phone, no console error, accessibility (axe), and screenshots for review.</summary>
[Collection("site")]
public class PageTests(SiteFixture site, ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData("file")]
    [InlineData("http")]
    public async Task Given_every_page_at_360px_When_loaded_Then_nothing_scrolls_sideways_and_the_console_has_no_error(string origin)
    {
        var problems = new List<string>();
        foreach (var path in site.Pages)
        {
            var context = await site.RequireBrowser().NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = 360, Height = 740 }, IsMobile = true, HasTouch = true,
            });
            await using var _ = context;
            var page = await context.NewPageAsync();
            // 404.html without base_url names no asset at all (it is shown at any depth), so Chromium asks the server's root for
            // /favicon.ico there, which the site under /edition/ does not hold; every other page names the theme's favicon.
            page.Console += (_, message) =>
            {
                if (message.Type != "error") return;
                if (path == "404.html" && message.Location.Contains("/favicon.ico", StringComparison.Ordinal)) return;
                problems.Add($"{path}: console: {message.Text} ({message.Location})");
            };
            page.PageError += (_, error) => problems.Add($"{path}: page error: {error}");
            page.RequestFailed += (_, request) => problems.Add($"{path}: request failed: {request.Url}");
            // Every resource loaded, then every font the page uses: the state the width is measured in.
            await page.GotoAsync(site.Url(origin, path), new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            await page.EvaluateAsync("() => document.fonts.ready");

            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            if (widths[0] > widths[1]) problems.Add($"{path}: scrolls sideways at 360 px ({widths[0]} > {widths[1]})");
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [SkippableFact]
    public async Task Given_an_arabic_page_When_loaded_Then_the_self_hosted_arabic_font_is_used_and_latin_pages_do_not_download_it()
    {
        var (context, page) = await site.OpenAsync(site.HttpUrl(SiteFixture.Article + "/01-almqdma.html"), Viewport.Desktop);
        await using var _ = context;
        await page.EvaluateAsync("() => document.fonts.ready");
        Assert.True(await page.EvaluateAsync<bool>("() => document.fonts.check('16px \"Noto Naskh Arabic\"', 'عربي')"));
        Assert.Contains("Noto Naskh Arabic", await page.EvaluateAsync<string>("() => [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family).join(',')"));

        var (latinContext, latin) = await site.OpenAsync(site.HttpUrl(SiteFixture.Article + "/en/index.html"), Viewport.Desktop);
        await using var __ = latinContext;
        await latin.EvaluateAsync("() => document.fonts.ready");
        Assert.DoesNotContain("Noto Naskh Arabic", await latin.EvaluateAsync<string>("() => [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family).join(',')"));
    }

    public static TheoryData<string> AxePages() => new()
    {
        "index.html", SiteFixture.Article + "/index.html", SiteFixture.Article + "/03-alml-la-bna-shraka-skrya.html",
        SiteFixture.Article + "/full.html", SiteFixture.Article + "/en/index.html", SiteFixture.Article + "/fr/index.html", "search.html",
    };

    [SkippableTheory]
    [MemberData(nameof(AxePages))]
    public async Task Given_a_page_When_axe_checks_it_Then_there_is_no_serious_or_critical_violation(string path)
    {
        var (context, page) = await site.OpenAsync(site.HttpUrl(path), Viewport.Desktop);
        await using var _ = context;

        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        });

        foreach (var violation in result.Violations) output.WriteLine($"{path}: {violation.Impact} {violation.Id}: {violation.Help} ({violation.Nodes.Length} nodes)");
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Impact} {v.Id}: {v.Help} — {v.Nodes.First().Html}").ToList();
        Assert.True(serious.Count == 0, $"{path}:\n" + string.Join('\n', serious));
    }

    [SkippableFact]
    public async Task Given_the_reading_views_When_photographed_Then_screenshots_are_saved_for_review()
    {
        Directory.CreateDirectory(Repo.Screenshots);
        var chapter = SiteFixture.Article + "/03-alml-la-bna-shraka-skrya.html";

        var (landingContext, landing) = await site.OpenAsync(site.FileUrl("index.html"), Viewport.Desktop);
        await using (landingContext) await landing.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repo.Screenshots, "landing-desktop.png") });

        var (desktopContext, desktop) = await site.OpenAsync(site.FileUrl(chapter), Viewport.Desktop);
        await using (desktopContext)
        {
            await desktop.Locator("#fnref-12").ScrollIntoViewIfNeededAsync();
            await desktop.Locator("#fnref-12").HoverAsync();
            await desktop.WaitForSelectorAsync("#note-popover:not([hidden])");
            await desktop.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repo.Screenshots, "chapter-popover-desktop.png") });
        }

        var (phoneContext, phone) = await site.OpenAsync(site.FileUrl(chapter), Viewport.Phone);
        await using (phoneContext)
        {
            await phone.Locator("#fnref-10").ScrollIntoViewIfNeededAsync();
            await phone.Locator("#fnref-10").TapAsync();
            await phone.WaitForSelectorAsync("#note-popover:not([hidden])");
            await phone.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repo.Screenshots, "chapter-popover-phone.png") });
        }

        var (englishContext, english) = await site.OpenAsync(site.FileUrl(SiteFixture.Article + "/en/index.html"), Viewport.Desktop);
        await using (englishContext) await english.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Repo.Screenshots, "abstract-en-desktop.png"), FullPage = true });

        foreach (var name in new[] { "landing-desktop", "chapter-popover-desktop", "chapter-popover-phone", "abstract-en-desktop" })
        {
            Assert.True(new FileInfo(Path.Combine(Repo.Screenshots, name + ".png")).Length > 10_000, name);
        }
    }
}

using System.IO.Compression;
using EditionBuilder.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit;

namespace EditionBuilder.BrowserTests;

/// <summary>A chapter of the seed's EPUB as a phone shows it: Chromium reads the book's XHTML as an e-reader's web view does, at the narrowest phone width.</summary>
[Collection("site")]
public class EpubChapterTests(SiteFixture site)
{
    private const string Chapter = "04-almwqf-alamyrky-mn-alwaq-aljdyd.xhtml";

    [SkippableFact]
    public async Task Given_a_chapter_of_the_seeds_book_at_360px_When_opened_Then_it_reads_right_to_left_in_the_embedded_font_without_sideways_scrolling_or_any_request_outside_the_book()
    {
        var browser = site.RequireBrowser();
        var book = Path.Combine(Path.GetTempPath(), "eb-book-" + Guid.NewGuid().ToString("N"));
        ZipFile.ExtractToDirectory(Path.Combine(site.SiteFolder, SiteFixture.Article, SiteFixture.Article + ".epub"), book);
        try
        {
            // Not a mobile browser's 980 px layout viewport: an e-reader lays a reflowable book out at the screen's own width.
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = Viewport.NarrowPhone.Width, Height = Viewport.NarrowPhone.Height }, IsMobile = false, HasTouch = true,
            });
            await using var _ = context;
            var page = await context.NewPageAsync();
            var requests = new List<string>();
            var problems = new List<string>();
            page.Request += (_, request) => requests.Add(request.Url);
            page.RequestFailed += (_, request) => problems.Add($"request failed: {request.Url}");
            page.Console += (_, message) => { if (message.Type == "error") problems.Add($"console: {message.Text}"); };
            var url = new Uri(Path.Combine(book, "EPUB", "chapters", Chapter)).AbsoluteUri;
            await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            await page.EvaluateAsync("() => document.fonts.ready");

            Directory.CreateDirectory(Repo.Screenshots);
            var screenshot = Path.Combine(Repo.Screenshots, "epub-chapter-phone-360.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });

            Assert.True(problems.Count == 0, string.Join('\n', problems));
            Assert.Equal("application/xhtml+xml", await page.EvaluateAsync<string>("() => document.contentType"));
            Assert.Equal("rtl", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).direction"));
            Assert.True(await page.EvaluateAsync<bool>("() => document.fonts.check('16px \"Noto Naskh Arabic\"', 'عربي')"));
            Assert.Contains("Noto Naskh Arabic", await page.EvaluateAsync<string>("() => [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family).join(',')"));
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            Assert.Equal(360, widths[1]);
            Assert.True(widths[0] <= widths[1], $"the chapter scrolls sideways at 360 px ({widths[0]} > {widths[1]})");
            var bookRoot = new Uri(book + "/").AbsoluteUri;
            Assert.All(requests, r => Assert.StartsWith(bookRoot, r));
            Assert.Contains(requests, r => r.EndsWith(".woff2", StringComparison.Ordinal));
            // The chapter's notes stand at its end, each opening with its number (a browser, like Kindle or Calibre, shows asides).
            Assert.Equal(["17", "18"], await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('aside[role=doc-footnote] a.note-number')].map(a => a.textContent)"));
            Assert.True(new FileInfo(screenshot).Length > 10_000);
        }
        finally
        {
            Directory.Delete(book, recursive: true);
        }
    }
}

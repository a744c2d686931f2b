using EditionBuilder.BrowserTests.Support;
using Xunit;

namespace EditionBuilder.BrowserTests;

/// <summary>A page made from a Word document, in Debian's Chromium: endnotes and written-out marks in the popover, a wide table that scrolls in its own box on a phone, a figure that loads.</summary>
public class WordDocumentPageTests(WordSiteFixture site) : IClassFixture<WordSiteFixture>
{
    // Hovers a reference after the last popover has closed, and reads the popover it opens.
    private static async Task<string> PopoverTextAfterHover(Microsoft.Playwright.IPage page, string reference)
    {
        await page.Mouse.MoveAsync(5, 5);
        await page.WaitForFunctionAsync("() => { const p = document.getElementById('note-popover'); return !p || p.hidden; }");
        await page.Locator(reference).HoverAsync();
        await page.WaitForFunctionAsync("() => { const p = document.getElementById('note-popover'); return p && !p.hidden; }");
        return await page.EvaluateAsync<string>("() => document.getElementById('note-popover').textContent.trim()");
    }

    [SkippableFact]
    public async Task Given_an_endnote_and_notes_with_written_marks_When_hovered_Then_each_popover_shows_its_mark_once_and_its_note()
    {
        var (context, page) = await site.OpenAsync(WordSiteFixture.Chapter, Viewport.Desktop);
        await using var _ = context;

        Assert.Equal("١ حاشية بالأرقام الهندية", await PopoverTextAfterHover(page, "#fnref-1"));
        Assert.Equal("i تعليق ختامي في آخر المقال", await PopoverTextAfterHover(page, "#enref-i"));
        Assert.Equal("* حاشية بعلامة كتبها المؤلف", await PopoverTextAfterHover(page, "#fnref-mark1"));
    }

    [SkippableFact]
    public async Task Given_a_wide_table_on_a_phone_Then_its_box_scrolls_sideways_and_the_page_does_not()
    {
        var (context, page) = await site.OpenAsync(WordSiteFixture.Chapter, Viewport.NarrowPhone);
        await using var _ = context;

        var widths = await page.EvaluateAsync<int[]>("""
            () => { const box = document.querySelector('.table-box');
                    return [document.documentElement.scrollWidth, document.documentElement.clientWidth, box.scrollWidth, box.clientWidth]; }
            """);

        Assert.True(widths[0] <= widths[1], $"the page scrolls sideways: {widths[0]} > {widths[1]}");
        Assert.True(widths[2] > widths[3], $"the table's box does not scroll: {widths[2]} <= {widths[3]}");
        var header = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.table-box thead th')].map(th => th.textContent)");
        Assert.Equal(9, header.Length);
        Assert.StartsWith("عمود طويل العنوان رقم 1", header[0]);
        var firstIsRightmost = await page.EvaluateAsync<bool>("""
            () => { const cells = document.querySelectorAll('.table-box thead th');
                    return cells[0].getBoundingClientRect().right > cells[1].getBoundingClientRect().right; }
            """);
        Assert.True(firstIsRightmost, "the first column of a right-to-left table is on the right");
    }

    [SkippableFact]
    public async Task Given_a_figure_Then_its_image_loads_with_its_alt_text_and_caption()
    {
        var (context, page) = await site.OpenAsync(WordSiteFixture.Chapter, Viewport.Desktop);
        await using var _ = context;

        // The image is loaded lazily (loading="lazy"): bring it into view and wait until it has loaded or failed, not for the page's load event.
        await page.Locator("figure img").ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('figure img').complete");
        var image = await page.EvaluateAsync<string[]>("""
            () => { const img = document.querySelector('figure img');
                    return [String(img.complete && img.naturalWidth > 0), img.alt, document.querySelector('figure figcaption').textContent]; }
            """);

        Assert.Equal(["true", "مربع صغير", "الشكل 1"], image);
    }
}

using EditionBuilder.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit;

namespace EditionBuilder.BrowserTests;

/// <summary>Reading a note without losing one's place, in Debian's Chromium: hover, focus, tap, placement, JavaScript off, print.</summary>
[Collection("site")]
public class PopoverTests(SiteFixture site)
{
    private const string Chapter = SiteFixture.Article + "/03-alml-la-bna-shraka-skrya.html";
    private const string Popover = "#note-popover";

    // Longer than notes.js's OPEN_DELAY (120 ms) and CLOSE_DELAY (250 ms) together, in the page's fake clock's milliseconds.
    private const long CloseDelayPassed = 1000;

    public sealed class Box
    {
        public bool Visible { get; set; }
        public double Left { get; set; }
        public double Top { get; set; }
        public double Right { get; set; }
        public double Bottom { get; set; }
        public int ViewportWidth { get; set; }
        public int ViewportHeight { get; set; }
        public string Text { get; set; } = string.Empty;
    }

    private static async Task<Box> PopoverBox(IPage page) =>
        await page.EvaluateAsync<Box>("""
            () => {
              const p = document.getElementById('note-popover');
              const visible = !!p && !p.hidden && getComputedStyle(p).display !== 'none';
              const r = p ? p.getBoundingClientRect() : { left: 0, top: 0, right: 0, bottom: 0 };
              return { visible, left: r.left, top: r.top, right: r.right, bottom: r.bottom,
                       viewportWidth: document.documentElement.clientWidth, viewportHeight: window.innerHeight,
                       text: p ? p.textContent : '' };
            }
            """);

    private static async Task WaitForPopover(IPage page, bool visible)
    {
        var state = visible ? "!p.hidden" : "p.hidden";
        await page.WaitForFunctionAsync($"() => {{ const p = document.getElementById('note-popover'); return {(visible ? "!!p && " : "!p || ")}{state}; }}", null, new PageWaitForFunctionOptions { Timeout = 3000 });
    }

    [SkippableTheory]
    [InlineData("file")]
    [InlineData("http")]
    public async Task Given_a_desktop_When_the_pointer_hovers_a_reference_Then_its_note_shows_beside_it_and_stays_while_the_pointer_is_in_it(string origin)
    {
        var (context, page) = await site.OpenAsync(site.Url(origin, Chapter), Viewport.Desktop);
        await using var _ = context;
        var reference = page.Locator("a[role=doc-noteref]").First;

        await reference.HoverAsync();
        await WaitForPopover(page, visible: true);
        var box = await PopoverBox(page);
        Assert.StartsWith("9", box.Text);
        Assert.Contains("جرى توقيع الاتفاقية النووية", box.Text);
        Assert.InRange(box.Left, 0, box.ViewportWidth);
        Assert.InRange(box.Right, 0, box.ViewportWidth);

        // Into the popover: it stays open, so its links can be clicked. The page's timers run on Playwright's clock from here,
        // so "after the close delay" is a state the test sets (the clock moved past it), not a wait that hopes it has passed.
        await page.Clock.InstallAsync();
        await page.Locator(Popover).HoverAsync();
        await page.Clock.RunForAsync(CloseDelayPassed);
        Assert.True((await PopoverBox(page)).Visible);

        // Away from both: it closes once the close delay has run.
        await page.Mouse.MoveAsync(5, 5);
        await page.Clock.RunForAsync(CloseDelayPassed);
        Assert.False((await PopoverBox(page)).Visible);
    }

    [SkippableFact]
    public async Task Given_a_note_with_a_link_When_the_pointer_moves_into_its_popover_Then_the_link_is_clickable()
    {
        var (context, page) = await site.OpenAsync(site.FileUrl(Chapter), Viewport.Desktop);
        await using var _ = context;

        await page.Locator("#fnref-12").HoverAsync();
        await WaitForPopover(page, visible: true);
        var link = page.Locator($"{Popover} a[href^='https://www.reuters.com']");
        await link.HoverAsync();

        Assert.True(await link.IsVisibleAsync());
        // A long address wraps over lines, and its bounding box then holds blank space: aim at the middle of its first line.
        var hit = await link.EvaluateAsync<string>("a => { const r = a.getClientRects()[0]; return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)?.closest('a')?.href ?? ''; }");
        Assert.StartsWith("https://www.reuters.com/", hit);
    }

    [SkippableFact]
    public async Task Given_a_keyboard_When_a_reference_gets_focus_Then_its_note_shows_and_Escape_hides_it_leaving_focus_on_the_reference()
    {
        var (context, page) = await site.OpenAsync(site.FileUrl(Chapter), Viewport.Desktop);
        await using var _ = context;

        await page.Locator("#fnref-10").FocusAsync();
        await WaitForPopover(page, visible: true);
        Assert.StartsWith("10", (await PopoverBox(page)).Text);

        await page.Keyboard.PressAsync("Escape");
        await WaitForPopover(page, visible: false);
        Assert.Equal("fnref-10", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }

    [SkippableFact]
    public async Task Given_a_keyboard_When_tabbing_Then_focus_moves_through_references_and_never_into_the_popover()
    {
        var (context, page) = await site.OpenAsync(site.FileUrl(Chapter), Viewport.Desktop);
        await using var _ = context;

        await page.Locator("#fnref-9").FocusAsync();
        await WaitForPopover(page, visible: true);
        await page.Keyboard.PressAsync("Tab");

        var active = await page.EvaluateAsync<string>("() => document.activeElement.id || document.activeElement.getAttribute('href')");
        Assert.Equal("fnref-10", active);
        // The popover follows the focus through the page's own events: wait for it to show note 10, not for a time.
        await page.WaitForFunctionAsync("() => { const p = document.getElementById('note-popover'); return !!p && !p.hidden && p.textContent.trim().startsWith('10'); }", null, new PageWaitForFunctionOptions { Timeout = 3000 });
        Assert.StartsWith("10", (await PopoverBox(page)).Text);
    }

    [SkippableTheory]
    [InlineData("file")]
    [InlineData("http")]
    public async Task Given_a_phone_When_a_reference_is_tapped_Then_the_note_shows_in_place_without_scrolling_or_changing_the_URL(string origin)
    {
        var (context, page) = await site.OpenAsync(site.Url(origin, Chapter), Viewport.Phone);
        await using var _ = context;
        var reference = page.Locator("#fnref-11");
        await reference.ScrollIntoViewIfNeededAsync();
        var url = page.Url;
        var scroll = await page.EvaluateAsync<double>("() => window.scrollY");

        await reference.TapAsync();
        await WaitForPopover(page, visible: true);

        Assert.Equal(url, page.Url);
        Assert.Equal(scroll, await page.EvaluateAsync<double>("() => window.scrollY"), 1);
        var box = await PopoverBox(page);
        Assert.StartsWith("11", box.Text);
        Assert.True(box.Left >= 0 && box.Right <= box.ViewportWidth, $"popover {box.Left}..{box.Right} outside 0..{box.ViewportWidth}");

        // A tap elsewhere closes it.
        await page.Touchscreen.TapAsync(20, 20);
        await WaitForPopover(page, visible: false);
        Assert.Equal(url, page.Url);
    }

    public static TheoryData<int> Widths() => new() { 360, 1280 };

    [SkippableTheory]
    [MemberData(nameof(Widths))]
    public async Task Given_every_reference_of_every_chapter_When_focused_Then_its_popover_is_fully_on_screen(int width)
    {
        var viewport = width < 500 ? Viewport.NarrowPhone : Viewport.Desktop;
        foreach (var chapter in site.ChapterPages)
        {
            var (context, page) = await site.OpenAsync(site.FileUrl(chapter), viewport);
            await using var _ = context;
            var ids = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('a[role=doc-noteref]')].map(a => a.id)");
            foreach (var id in ids)
            {
                await page.Locator("#" + id).FocusAsync();
                await WaitForPopover(page, visible: true);
                await page.WaitForFunctionAsync($"() => document.getElementById('note-popover').textContent.startsWith(document.getElementById('{id}').textContent)");
                var box = await PopoverBox(page);
                Assert.True(box.Left >= 0 && box.Right <= box.ViewportWidth + 0.5,
                    $"{chapter} #{id} at {width}px: popover {box.Left:0}..{box.Right:0} outside 0..{box.ViewportWidth}");
                Assert.True(box.Top >= 0 && box.Bottom <= box.ViewportHeight + 0.5,
                    $"{chapter} #{id} at {width}px: popover {box.Top:0}..{box.Bottom:0} outside 0..{box.ViewportHeight}");
            }
        }
    }

    [SkippableFact]
    public async Task Given_JavaScript_off_When_a_reference_is_clicked_Then_it_jumps_to_the_note_and_the_back_link_returns()
    {
        var (context, page) = await site.OpenAsync(site.FileUrl(Chapter), Viewport.Desktop, javaScript: false);
        await using var _ = context;

        await page.Locator("#fnref-13").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("#fn-13", StringComparison.Ordinal));
        Assert.True(await page.Locator("#fn-13").IsVisibleAsync());
        Assert.True(await ScrolledIntoView(page, "#fn-13"), "#fn-13 is not in view once the jump to it has ended");

        await page.Locator("#fn-13 a[role=doc-backlink]").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("#fnref-13", StringComparison.Ordinal));
        Assert.True(await ScrolledIntoView(page, "#fnref-13"), "#fnref-13 is not in view once the jump back has ended");
        Assert.Equal(0, await page.Locator(Popover).CountAsync());
    }

    [SkippableFact]
    public async Task Given_print_When_a_popover_was_open_Then_it_is_hidden_and_the_notes_are_shown()
    {
        var (context, page) = await site.OpenAsync(site.FileUrl(Chapter), Viewport.Desktop);
        await using var _ = context;
        await page.Locator("#fnref-9").FocusAsync();
        await WaitForPopover(page, visible: true);

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });

        Assert.False(await page.Locator(Popover).IsVisibleAsync());
        Assert.True(await page.Locator("section[role=doc-endnotes]").IsVisibleAsync());
        Assert.False(await page.Locator("nav.chapter-nav").IsVisibleAsync());
    }

    // A fragment jump may scroll after the click has returned: wait until the scroll has ended, that is the scroll position
    // is the same over several readings in a row, then say whether the element is in the viewport.
    // The readings are taken from here, not by a script in the page, so this works with the page's JavaScript off.
    private static async Task<bool> ScrolledIntoView(IPage page, string selector)
    {
        const int StillReadings = 5;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        double? last = null;
        var still = 0;
        while (true)
        {
            var view = await page.EvaluateAsync<double[]>(
                $"() => {{ const r = document.querySelector('{selector}').getBoundingClientRect(); return [window.scrollY, r.top, r.bottom, window.innerHeight]; }}");
            still = view[0] == last ? still + 1 : 0;
            last = view[0];
            // Whole in the viewport, give or take a pixel: a jump aligns the element's top with the viewport's, and layout in
            // fractions of a pixel leaves it at -0.09 px in Chromium 156, which is in view to every reader.
            var inView = view[1] >= -1 && view[2] <= view[3] + 1;
            if ((still >= StillReadings && inView) || DateTime.UtcNow > deadline) return inView;
        }
    }
}

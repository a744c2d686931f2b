using EditionBuilder.Content;
using EditionBuilder.Diagnostics;
using EditionBuilder.Import;
using EditionBuilder.Pipeline;
using EditionBuilder.Search;
using EditionBuilder.Themes;
using Microsoft.Playwright;
using Xunit;

namespace EditionBuilder.BrowserTests.Support;

/// <summary>The seed edition built into a scratch folder as published (with the edition's own search index, and compressed copies), served on loopback, and one headless Debian Chromium shared by the tests.</summary>
public sealed class SiteFixture : IAsyncLifetime
{
    public const string Article = "russian-iranian-partnership";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    private IPlaywright? _playwright;

    public string SiteFolder { get; } = Path.Combine(Path.GetTempPath(), "eb-browser-" + Guid.NewGuid().ToString("N"));

    public StaticServer? Server { get; private set; }

    public IBrowser? Browser { get; private set; }

    public IReadOnlyList<string> Pages { get; private set; } = [];

    /// <summary>The Pagefind of tools/; null when it is not installed.</summary>
    public PagefindTool? Pagefind { get; private set; }

    /// <summary>The Pagefind of tools/, or a skip (a failure in CI) when it is not installed.</summary>
    public PagefindTool RequirePagefind() => Pagefind ?? Tools.RequirePagefind();

    public IReadOnlyList<string> ChapterPages => Pages.Where(p => System.Text.RegularExpressions.Regex.IsMatch(p, @"/\d\d-[a-z0-9-]+\.html$")).ToList();

    public async Task InitializeAsync()
    {
        var diagnostics = new DiagnosticBag();
        var content = ContentFolder.Read(Path.Combine(Repo.Root, "content"), diagnostics)!;
        var templates = Theme.Load(Path.Combine(Repo.Root, "templates"), diagnostics)!;
        Pagefind = Tools.FindPagefind();
        var files = SiteBuild.InMemory(content, templates, BuildOptions.Published with { Search = SiteSearch.Edition }, diagnostics)
            ?? throw new InvalidOperationException(string.Join('\n', diagnostics.Items));
        await WriteAsync(files, SiteFolder);

        Pages = files.Select(f => f.Path).Where(p => p.EndsWith(".html", StringComparison.Ordinal)).ToList();
        Server = new StaticServer(SiteFolder);
        if (!File.Exists(Programs.Chromium)) return;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Programs.Chromium, Args = ChromiumArgs, Headless = true });
    }

    /// <summary>The seed built again with <c>--search-engine pagefind</c> (made on first use, then shared), served on loopback; a skip (a failure in CI) when Pagefind is not installed.</summary>
    public async Task<StaticServer> PagefindSiteAsync()
    {
        var tool = RequirePagefind();
        await _pagefindBuild.WaitAsync();
        try
        {
            if (_pagefindServer is not null) return _pagefindServer;
            var diagnostics = new DiagnosticBag();
            var content = ContentFolder.Read(Path.Combine(Repo.Root, "content"), diagnostics)!;
            var templates = Theme.Load(Path.Combine(Repo.Root, "templates"), diagnostics)!;
            var files = SiteBuild.InMemory(content, templates, BuildOptions.Published with { Search = SiteSearch.With(tool) }, diagnostics)
                ?? throw new InvalidOperationException(string.Join('\n', diagnostics.Items));
            await WriteAsync(files, PagefindSiteFolder);
            return _pagefindServer = new StaticServer(PagefindSiteFolder);
        }
        finally
        {
            _pagefindBuild.Release();
        }
    }

    public string PagefindSiteFolder { get; } = Path.Combine(Path.GetTempPath(), "eb-browser-pagefind-" + Guid.NewGuid().ToString("N"));

    private readonly SemaphoreSlim _pagefindBuild = new(1, 1);

    private StaticServer? _pagefindServer;

    private static async Task WriteAsync(IEnumerable<EditionBuilder.Site.SiteFile> files, string folder)
    {
        foreach (var file in files)
        {
            var path = Path.Combine(folder, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, file.Bytes);
        }
    }

    /// <summary>The browser, or a skip (a failure in CI) when Chromium is not installed.</summary>
    public IBrowser RequireBrowser()
    {
        Programs.Require(Programs.Chromium, "chromium");
        return Browser ?? throw new InvalidOperationException("Chromium did not start");
    }

    public string FileUrl(string page) => new Uri(Path.Combine(SiteFolder, page)).AbsoluteUri;

    public string HttpUrl(string page) => Server!.BaseUrl + page;

    public string Url(string origin, string page) => origin == "file" ? FileUrl(page) : HttpUrl(page);

    public async Task<(IBrowserContext Context, IPage Page)> OpenAsync(string url, Viewport viewport, bool javaScript = true)
    {
        var context = await RequireBrowser().NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = viewport.Width, Height = viewport.Height },
            IsMobile = viewport.Mobile,
            HasTouch = viewport.Mobile,
            JavaScriptEnabled = javaScript,
            Locale = "ar",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return (context, page);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        Server?.Dispose();
        _pagefindServer?.Dispose();
        foreach (var folder in new[] { SiteFolder, PagefindSiteFolder })
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}

/// <summary>A window size: desktop 1280×800, phone 390×844 with touch, and the narrowest phone, 360 px.</summary>
public sealed record Viewport(string Name, int Width, int Height, bool Mobile)
{
    public static readonly Viewport Desktop = new("desktop", 1280, 800, false);
    public static readonly Viewport Phone = new("phone", 390, 844, true);
    public static readonly Viewport NarrowPhone = new("phone-360", 360, 740, true);
}

[CollectionDefinition("site")]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>;
